import MSRModel
import MSRNats

/// Turns a batch of fetched messages into source changes, by the rules of
/// `msr ingest debezium`: each message body is one line of that format.
///
/// Debezium Server's NATS JetStream sink publishes the event's value only — no message key —
/// so a table's primary key comes from `--key` or a column named `id`, as for keyless lines.
/// A change's `origin` is its message's index in the batch, so that the writer's refusals can
/// be traced back to the message.
struct NatsBatchDecoder {
    private let decoder = DebeziumDecoder()

    struct Decoded {
        var changes: [SourceChange] = []
        var skipped: [String: Int] = [:]
        /// Refused messages by index in the batch, with the reason.
        var rejected: [(index: Int, reason: String)] = []
        var metadata: [NatsMessageMetadata] = []
        /// Changes timed by the event's own `ts_ms`/`ts_us`, the source's time being missing or 0.
        var timedByEvent = 0
    }

    func decode(_ messages: [NatsMessage]) -> Decoded {
        var out = Decoded()
        out.changes.reserveCapacity(messages.count)
        out.metadata.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            let meta = (try? message.metadata()) ?? NatsMessageMetadata()
            out.metadata.append(meta)
            let number = Int(truncatingIfNeeded: meta.streamSequence)
            let result = message.withData { buffer in
                Result { () throws(DebeziumLineError) -> DebeziumLine in try decoder.decode(buffer: buffer, number: number) }
            }
            switch result {
            case .success(.change(var change, let byEvent)):
                change.origin = index
                if byEvent { out.timedByEvent += 1 }
                out.changes.append(change)
            case .success(.skipped(let reason)):
                out.skipped[reason.rawValue, default: 0] += 1
            case .failure(let error):
                out.rejected.append((index, error.reason))
            }
        }
        return out
    }
}
