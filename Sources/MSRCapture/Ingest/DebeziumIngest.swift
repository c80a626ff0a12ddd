import Foundation
import MSRModel
import MSRStore

/// `msr ingest debezium`: reads Debezium NDJSON files, records every good line and refuses bad
/// ones without losing anything valid around them.
///
/// The input streams through in batches (`DecodePipeline`): while the writer stores one batch,
/// the next is read and decoded, so memory holds a few batches, never the whole input. Lines
/// of several inputs (topics) interleave out of commit order; the pipeline reads the inputs
/// merged by commit time and a `ReorderBuffer` keeps back what an unread line may still
/// precede; anything later than that still lands in its place through the writer's
/// re-derivation of the stored tail. Refused lines go to the reject file, each as a JSON
/// object naming the file, the line, the reason and the line itself.
public final class DebeziumIngest {
    let writer: RecordingWriter
    let rejectsPath: String
    /// Lines decoded and handed to the writer at a time.
    let batchLines: Int
    /// Late changes gathered before the writer re-derives history for them (`ReorderBuffer`).
    let lateLimit: Int
    private let decoder = DebeziumDecoder()

    public init(writer: RecordingWriter, rejectsPath: String, batchLines: Int = 20_000, lateLimit: Int = 200_000) {
        self.writer = writer
        self.rejectsPath = rejectsPath
        self.batchLines = batchLines
        self.lateLimit = lateLimit
    }

    /// Ingests `paths` (`-` is standard input) into the writer's recording.
    public func run(paths: [String], progress: @escaping (IngestProgress) -> Void = { _ in }) throws -> IngestReport {
        let started = Date()
        var inputs: [IngestInput] = []
        for (index, path) in paths.enumerated() { inputs.append(try IngestInput(path: path, index: index)) }
        let totalBytes: Int64? = inputs.contains { $0.size == nil } ? nil : inputs.reduce(0) { $0 + ($1.size ?? 0) }

        var report = IngestReport()
        var rejects: [RejectFile.Entry] = []
        let end = writer.lastEventOrder.map { ChangeOrder(time: $0.time, position: $0.position) }
        var buffer = ReorderBuffer(recordingEnd: end, lateLimit: lateLimit)
        var bytesRead: Int64 = 0

        func store(_ changes: consuming [SourceChange]) throws {
            guard !changes.isEmpty else { return }
            let w = try writer.write(changes)
            // Freeing a batch of changes is a good part of the writer's time: leave it to
            // another thread.
            let written = changes
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(written) {} }
            report.written += w.written
            report.duplicates += w.duplicates
            report.unseenRows += w.unseenRows
            report.rederived += w.rederived
            report.staleSnapshotRows += w.staleSnapshotRows
            report.newTables += w.newTables
            for (origin, error) in w.rejected {
                rejects.append(.init(input: IngestOrigin.input(of: origin), line: IngestOrigin.line(of: origin),
                                     reason: error.description, span: nil))
            }
        }

        let pipeline = DecodePipeline(inputs: inputs, decoder: decoder, batchLines: batchLines)
        pipeline.start()
        do {
            while var batch = pipeline.next() {
                report.lines += batch.lines
                report.timedByEvent += batch.timedByEvent
                bytesRead = batch.bytesRead
                for (reason, n) in batch.skipped { report.skipped[reason.rawValue, default: 0] += n }
                for r in batch.rejected {
                    rejects.append(.init(input: r.input, line: r.line, reason: r.reason, span: (r.offset, r.length)))
                }
                buffer.add(&batch.changes)
                try store(buffer.release(batch.bound))
                progress(IngestProgress(bytes: bytesRead, total: totalBytes, lines: report.lines, stored: report.written))
            }
            try store(buffer.release(.everything))
        } catch {
            pipeline.stop()
            throw error
        }
        pipeline.stop()
        progress(IngestProgress(bytes: bytesRead, total: totalBytes, lines: report.lines, stored: report.written))

        rejects.sort { ($0.input, $0.line) < ($1.input, $1.line) }
        report.rejected = rejects.map { IngestRejection(file: inputs[$0.input].name, line: $0.line, reason: $0.reason) }
        do {
            try RejectFile(path: rejectsPath, started: started).append(rejects, inputs: inputs)
        } catch {
            report.rejectsNotWritten = error.description
        }
        return report
    }
}

/// Input that cannot be read at all: fatal for an ingest.
public enum IngestError: Error, CustomStringConvertible {
    case cannotRead(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotRead(let p): return "Cannot read \(p); check that the file exists and is readable."
        case .cannotWrite(let p): return "Cannot write \(p); check the directory's permissions."
        }
    }
}
