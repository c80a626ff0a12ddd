import MSRModel
import MSRNats
import MSRStore

/// One batch: decode, record, write refusals, then — and only then — acknowledge.
extension NatsCapture {
    /// Records `messages` and acknowledges them; returns the ones refused.
    ///
    /// The order is what makes the capture lossless: the writer commits the batch (durably)
    /// and the refusals are synced to the reject file before any message is acknowledged. A
    /// failure before that point throws with nothing acknowledged, so the server delivers
    /// the whole batch again and the writer skips what it already has.
    func record(_ messages: [NatsMessage], connection: NatsConnection) throws(NatsCaptureError) -> [NatsRejection] {
        let decoded = decoder.decode(messages)
        let written: WriteReport
        do {
            written = try writer.write(decoded.changes)
        } catch {
            throw .recording(error)
        }

        var refused = decoded.rejected
        for (origin, error) in written.rejected where messages.indices.contains(origin) {
            refused.append((origin, error.description))
        }
        refused.sort { $0.index < $1.index }
        let entries = refused.map { item in
            (rejection: NatsRejection(subject: messages[item.index].subject,
                                      streamSequence: decoded.metadata[item.index].streamSequence,
                                      reason: item.reason),
             input: messages[item.index].data)
        }
        try rejects.append(entries)

        for message in messages {
            do {
                try message.ack()
            } catch {
                report.ackFailures += 1
            }
        }
        // The server has the acknowledgements once a flush returns; if it does not, the
        // messages come again and are skipped as duplicates.
        if (try? connection.flush(timeoutMs: options.connection.requestTimeoutMs)) == nil {
            report.ackFailures += messages.count
        }

        report.messages += messages.count
        // The writer's count already leaves out the events it re-derived.
        report.written += written.written
        report.duplicates += written.duplicates
        report.unseenRows += written.unseenRows
        report.rederived += written.rederived
        report.rejected += entries.count
        report.timedByEvent += decoded.timedByEvent
        report.newTables += written.newTables
        for (reason, n) in decoded.skipped { report.skipped[reason, default: 0] += n }
        report.redelivered += decoded.metadata.filter { $0.deliveries > 1 }.count
        if let last = decoded.metadata.last {
            report.pending = last.pending
            report.lastSequence = max(report.lastSequence, last.streamSequence)
        }
        if let latest = decoded.changes.map(\.commitTime).max() {
            report.lastCommit = max(report.lastCommit ?? latest, latest)
        }
        return entries.map(\.rejection)
    }
}
