import Foundation
import MSRModel
import MSRPostgresClient
import MSRStore

/// The replication stream: reading pgoutput messages, writing transactions in batches,
/// confirming what is durable, and stopping after the current commit.
extension PostgresCapture {
    /// Streams until a stop request; throws when the connection fails. `started` is called once
    /// the server has accepted START_REPLICATION.
    func stream(catalog: PostgresCatalog, replication: PostgresConnection, started: () -> Void) throws {
        let publications = "\"" + options.publication.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let literal = "'" + publications.replacingOccurrences(of: "'", with: "''") + "'"
        let from = max(confirmed, try checkpoint.confirmed())
        try replication.startCopyBoth(
            "START_REPLICATION SLOT \(options.slot) LOGICAL \(from) (proto_version '1', publication_names \(literal))")
        if hasStreamed { notify(.note("Reconnected; streaming from \(from).")) }
        hasStreamed = true
        started()
        try snapshotAddedTables(catalog: catalog, replication: replication)

        let recordedColumns: (TableName) -> [String] = { [store] name in
            ((try? store.tables()) ?? []).first { $0.name == name }?.columns.map(\.name) ?? []
        }
        var resolver = CatalogRelationResolver(catalog: catalog, recordedColumns: recordedColumns)
        var assembler = TransactionAssembler()
        let decoder = PgOutputDecoder()
        var replyNow = false
        var lastStatus = Date.distantPast
        var lastProgress = (time: Date(), events: summary.events)
        var stopBy: Date?

        while true {
            let now = Date()
            if stop.isRequested {
                let deadline = stopBy ?? now.addingTimeInterval(options.stopGrace)
                stopBy = deadline
                if !assembler.inTransaction || now >= deadline {
                    try writePending()
                    try sendStatus(replication)
                    return
                }
            }
            try replication.consumeInput()
            var handled = 0
            reading: while handled < 5000, pendingChanges < options.batchChanges {
                switch try replication.readCopyData() {
                case .data(let bytes):
                    handled += 1
                    switch try ReplicationMessage.parse(bytes) {
                    case .xLogData(let start, _, _, let payload):
                        let message = try decoder.decode(payload)
                        if case .relation(let r) = message, isUnsnapshotted(r) {
                            // A change of a table added since the last look: read its rows now,
                            // so this transaction's changes of it are recognised as in them.
                            try snapshotAddedTables(catalog: catalog, replication: replication)
                        }
                        if let done = try assembler.take(message, start: start, resolver: &resolver) { enqueue(done) }
                    case .keepalive(let walEnd, _, let replyRequested):
                        replyNow = replyNow || replyRequested
                        // Nothing open and nothing unwritten: every commit before walEnd is
                        // recorded, so walEnd may be confirmed (as PostgreSQL's own subscriber
                        // does); otherwise an idle slot would hold WAL back forever.
                        if !assembler.inTransaction { releaseIncremental(reaching: walEnd) }
                        if !assembler.inTransaction, pending.isEmpty { confirmed = max(confirmed, walEnd) }
                    case .other:
                        break
                    }
                case .wouldBlock:
                    break reading
                case .finished:
                    throw PostgresError.connectionLost(message: "the server ended the replication stream")
                }
            }
            if let since = pendingSince, pendingChanges >= options.batchChanges || now.timeIntervalSince(since) >= options.batchDelay {
                try writePending()
            }
            if replyNow || now.timeIntervalSince(lastStatus) >= options.statusInterval {
                // A console following this recording live sees the capture is alive.
                try? writer.heartbeat()
                try sendStatus(replication)
                try snapshotAddedTables(catalog: catalog, replication: replication)
                lastStatus = now
                replyNow = false
            }
            if now.timeIntervalSince(lastProgress.time) >= options.progressInterval {
                report(catalog: catalog, since: lastProgress, now: now)
                lastProgress = (now, summary.events)
            }
            if handled == 0 {
                let wait = pendingSince.map { max(0.001, options.batchDelay - now.timeIntervalSince($0)) } ?? 0.1
                _ = try replication.waitForSocket(timeout: min(0.1, wait))
            }
        }
    }

    /// Standby status update: received up to the last commit seen, flushed (and applied) only
    /// up to what is durably recorded.
    func sendStatus(_ replication: PostgresConnection) throws {
        let update = StandbyStatusUpdate(write: max(received, confirmed), flush: confirmed, apply: confirmed,
                                         clientTime: Timestamp(micros: Int64(Date().timeIntervalSince1970 * 1_000_000)))
        try replication.sendCopyData(update.encoded())
    }

    /// A progress notice; the server's WAL position comes from the catalog connection.
    private func report(catalog: PostgresCatalog, since last: (time: Date, events: Int), now: Date) {
        if let wal = try? catalog.currentWAL() { lag.record(wal, at: now) }
        let (bytes, seconds) = lag.lag(confirmed: confirmed, now: now)
        let elapsed = max(0.001, now.timeIntervalSince(last.time))
        notify(.progress(CaptureProgress(events: summary.events, eventsPerSecond: Double(summary.events - last.events) / elapsed,
                                         lagBytes: bytes, lagSeconds: seconds, confirmed: confirmed)))
    }
}
