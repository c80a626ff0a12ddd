import Foundation
import MSRModel
import MSRStore

/// Received transactions into the recording: queued in commit order, written several at a
/// time with the confirmed position in the same recording transaction.
extension PostgresCapture {
    /// Writes the received transactions in one go and moves the confirmed position to the end
    /// of the last of them, once the write has returned (its transaction committed). A
    /// transaction that brings a column's new type (after `ALTER COLUMN … TYPE`) starts a
    /// write of its own, so the schema version begins exactly at its first event.
    func writePending() throws {
        guard let last = pending.last else { return }
        var start = 0
        for i in pending.indices.dropFirst() where changesTypes(pending[i]) {
            try write(pending[start..<i])
            start = i
        }
        try write(pending[start...])
        lastRecordedCommit = last.commitTime
        pending.removeAll(keepingCapacity: true)
        pendingChanges = 0
        pendingSince = nil
    }

    private func write(_ transactions: ArraySlice<CommittedTransaction>) throws {
        guard let last = transactions.last else { return }
        var changes = transactions.flatMap(\.changes)
        let end = max(confirmed, last.endLSN)
        let added = Set(transactions.compactMap(\.snapshotOf))
        if !changes.isEmpty {
            copies.number(&changes)
            let report = try writer.write(changes, meta: [(RecordingCheckpoint.confirmedKey, end.description),
                                                          snapshottedMeta(snapshotted.union(added))])
            summary.events += report.written
            summary.duplicates += report.duplicates
            summary.rejected += report.rejected.count
            for r in report.rejected.prefix(5) {
                notify(.warning("A change was not recorded: \(r.error.description)"))
            }
            for c in changes { columnTypes[c.table] = c.columns }
        }
        snapshotted.formUnion(added)
        summary.transactions += transactions.filter { $0.snapshotOf == nil }.count
        confirmed = end
        try checkpoint.saveConfirmed(confirmed)
    }

    /// Whether `transaction` gives a column another type than the changes written before.
    private func changesTypes(_ transaction: CommittedTransaction) -> Bool {
        transaction.changes.contains { c in
            guard let known = columnTypes[c.table] else { return false }
            return c.columns.contains { column in known.contains { $0.name == column.name && $0.type != column.type } }
        }
    }

    /// Takes a received transaction; it is written with the next batch.
    func enqueue(_ transaction: CommittedTransaction) {
        var transaction = transaction
        placeIncremental(before: &transaction)
        queue(transaction)
    }

    /// Queues a transaction (or a snapshot's rows) in commit order, which is also the
    /// recording's order: PostgreSQL stamps a commit before it writes the commit record, so two
    /// commits racing each other (or the slot's creation) can carry times in the other order,
    /// or the same time. Such a transaction is moved to 1 µs after the one before, so the
    /// writer, which orders by time, neither reorders nor interleaves them.
    func queue(_ transaction: CommittedTransaction) {
        var transaction = transaction
        if let last = lastQueuedCommit ?? writer.lastEventOrder?.time, transaction.commitTime <= last {
            transaction.commitTime = last + 1
            for i in transaction.changes.indices { transaction.changes[i].commitTime = last + 1 }
        }
        lastQueuedCommit = transaction.commitTime
        if pending.isEmpty { pendingSince = Date() }
        pending.append(transaction)
        pendingChanges += transaction.changes.count
        received = max(received, transaction.endLSN)
    }
}
