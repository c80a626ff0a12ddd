import Foundation
import MSRModel

/// The reading and decoding side of an ingest, on a thread of its own: reads a batch of lines,
/// decodes it on every core, and hands it to the writer through a queue that holds one batch,
/// so the next batch is decoded while the writer stores the previous one and memory stays
/// bounded by a few batches whatever the input's size.
///
/// With several inputs it reads next from the input whose changes so far sort earliest, so
/// that inputs each ordered by commit time (a file per topic) merge without holding any of
/// them whole; each batch carries the bound below which changes can be written.
final class DecodePipeline: @unchecked Sendable {
    private let inputs: [IngestInput]
    private let decoder: DebeziumDecoder
    private let batchLines: Int
    private let queue = BoundedQueue<DecodedBatch>(capacity: 1)
    private let finished = DispatchSemaphore(value: 0)
    /// The latest order each input's changes reached; nil before its first change.
    private var watermarks: [ChangeOrder?]

    init(inputs: [IngestInput], decoder: DebeziumDecoder, batchLines: Int) {
        self.inputs = inputs
        self.decoder = decoder
        self.batchLines = max(1, batchLines)
        watermarks = Array(repeating: nil, count: inputs.count)
    }

    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "msr-ingest-decode"
        thread.start()
    }

    /// The next decoded batch; nil when all input is read.
    func next() -> DecodedBatch? { queue.take() }

    /// Stops the decoding thread (after the batch it is working on) and waits for it.
    func stop() {
        queue.cancel()
        finished.wait()
    }

    private func run() {
        while let input = nextInput() {
            let lines = input.read(limit: batchLines)
            var batch = decode(lines, of: input)
            batch.bytesRead = inputs.reduce(0) { $0 + $1.bytesRead }
            batch.bound = bound()
            guard queue.put(batch) else { return }
        }
        queue.close()
    }

    /// The unfinished input whose changes sort earliest; one that gave none yet comes first.
    private func nextInput() -> IngestInput? {
        var best: IngestInput?
        for input in inputs where !input.isFinished {
            guard let mark = watermarks[input.index] else { return input }
            if let b = best, let bestMark = watermarks[b.index], bestMark <= mark { continue }
            best = input
        }
        return best
    }

    private func bound() -> ReleaseBound {
        var lowest: ChangeOrder?
        for input in inputs where !input.isFinished {
            guard let mark = watermarks[input.index] else { return .nothing }
            lowest = lowest.map { min($0, mark) } ?? mark
        }
        return lowest.map { .below($0) } ?? .everything
    }

    private func decode(_ lines: LineBatch, of input: IngestInput) -> DecodedBatch {
        var out = DecodedBatch()
        out.lines = lines.count
        out.changes.reserveCapacity(lines.count)
        var mark = watermarks[input.index]
        for (line, outcome) in zip(lines.lines, lines.decode(with: decoder, input: input.index)) {
            switch outcome {
            case .change(let c, let byEvent):
                if byEvent { out.timedByEvent += 1 }
                let order = ChangeOrder(c)
                if mark.map({ $0 < order }) ?? true { mark = order }
                out.changes.append(c)
            case .skipped(let reason):
                out.skipped[reason, default: 0] += 1
            case .rejected(let reason):
                out.rejected.append(.init(input: input.index, line: line.number, offset: line.offset,
                                          length: line.length, reason: reason))
            }
        }
        watermarks[input.index] = mark
        return out
    }
}
