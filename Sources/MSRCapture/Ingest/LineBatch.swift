import Dispatch
import Foundation
import MSRModel

/// Lines of one input gathered into one buffer and decoded on every core at once; the results
/// keep the input's order.
struct LineBatch {
    struct Line {
        var start: Int
        var length: Int
        var number: Int
        var offset: Int64
    }

    /// What decoding one line gave.
    enum Outcome: Sendable {
        case change(SourceChange, timeFromEvent: Bool)
        case skipped(DebeziumLine.SkipReason)
        case rejected(String)
    }

    /// The lines' bytes as the input holds them, newlines included.
    let bytes: [UInt8]
    let lines: [Line]

    init(bytes: [UInt8], lines: [Line]) {
        self.bytes = bytes
        self.lines = lines
    }

    var count: Int { lines.count }

    /// Decodes every line, splitting the work across the machine's cores; each change's
    /// origin names `input` and its line.
    func decode(with decoder: DebeziumDecoder, input inputIndex: Int) -> [Outcome] {
        let n = lines.count
        guard n > 0 else { return [] }
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 1000 + 1))
        var results = [Outcome](repeating: .skipped(.blank), count: n)
        results.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { all in
                let output = UnsafeSendable(out), input = UnsafeSendable(all)
                let lines = self.lines
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let lower = n * part / parts, upper = n * (part + 1) / parts
                    for i in lower..<upper {
                        let line = lines[i]
                        let slice = UnsafeBufferPointer(rebasing: input.value[line.start..<(line.start + line.length)])
                        do throws(DebeziumLineError) {
                            switch try decoder.decode(buffer: slice, number: line.number) {
                            case .change(var c, let byEvent):
                                c.origin = IngestOrigin.make(input: inputIndex, line: line.number)
                                output.value[i] = .change(c, timeFromEvent: byEvent)
                            case .skipped(let r): output.value[i] = .skipped(r)
                            }
                        } catch {
                            output.value[i] = .rejected(error.reason)
                        }
                    }
                }
            }
        }
        return results
    }
}

/// Hands buffers to the decoding threads; each writes only its own slice of the output.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
