import Foundation
import MSRModel

/// Turns source changes into the recording's invertible events and stores them.
///
/// It keeps every table's state at the end of the recording in memory, so it can complete each
/// change's before-image (and an update's after-image) from the row as it stands, order the
/// input by commit time, source position and input order, skip events already recorded, and
/// write keyframes. Events that sort before the recording's end make it re-derive the stored
/// tail after them, in one transaction. After a thrown error, make a new writer.
public final class RecordingWriter {
    public let store: RecordingStore
    public let options: WriterOptions
    var catalog: TableCatalog
    var states: [TableID: TableState] = [:]
    var sinceKeyframe: [TableID: Int] = [:]
    var lastSeq: Int64 = 0
    var lastOrder: (time: Timestamp, position: SourcePosition?)?
    var unseenTotal: Int64 = 0
    var snapshots = SnapshotPlacement()

    public init(store: RecordingStore, options: WriterOptions = WriterOptions()) throws(RecordingError) {
        self.store = store
        self.options = options
        let summary = try store.summary()
        catalog = TableCatalog(summary.tables)
        unseenTotal = summary.unseenRowEvents
        try loadEnd(atSeq: summary.lastSeq)
    }

    /// Loads every table's state after `seq` and forgets anything later.
    func loadEnd(atSeq seq: Int64) throws(RecordingError) {
        lastSeq = seq
        snapshots.rewind(toSeq: seq)
        states.removeAll()
        sinceKeyframe.removeAll()
        for table in catalog.schemas.values {
            let (state, replayed) = try store.reconstruct(table: table, atSeq: seq)
            states[table.id] = state
            sinceKeyframe[table.id] = replayed
        }
        lastOrder = seq > 0 ? try store.events(in: seq...seq, table: nil).first.map { ($0.commitTime, $0.position) } : nil
    }

    private var lastHeartbeat = 0.0

    /// Tells readers (a console following live) that a capture is writing this recording; at
    /// most once a second. Captures call it from their loops, even when the source is quiet.
    public func heartbeat(stopping: Bool = false) throws(RecordingError) {
        let now = Date().timeIntervalSince1970
        guard stopping || now - lastHeartbeat >= 1 else { return }
        lastHeartbeat = now
        try store.setMetaValue(Self.heartbeatKey, stopping ? "0" : String(Int64(now * 1_000_000)))
    }

    /// Meta key of the capture heartbeat: wall-clock µs of the last sign of life, 0 when stopped.
    public static let heartbeatKey = "capture_heartbeat_us"

    /// Commit time and source position of the recording's last event; nil when it is empty.
    public var lastEventOrder: (time: Timestamp, position: SourcePosition?)? { lastOrder }

    /// The recording's event count after the writes so far.
    public var eventCount: Int64 { lastSeq }

    /// Completes, orders and stores `changes`; reports what was written, skipped and refused.
    /// `progress` is told how many of the changes have been handled, after each batch. `meta`
    /// is stored in the same transaction as the events (in each batch's, when there are
    /// several), so a capture's position in its source is durable exactly with what it wrote.
    public func write(_ changes: [SourceChange], meta: [(key: String, value: String)] = [],
                      progress: ((Int) -> Void)? = nil) throws(RecordingError) -> WriteReport {
        defer { snapshots.endWrite() }
        var report = WriteReport()
        var pending: [PendingChange] = []
        pending.reserveCapacity(changes.count)
        // Read in place: iterating the array would copy every change.
        changes.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                do throws(RecordingError) {
                    var created = false
                    let table = try catalog.resolve(buffer[i], options: options, created: &created)
                    if created { report.newTables.append(table.name) }
                    pending.append(try prepare(buffer[i], table: table))
                } catch {
                    report.rejected.append((buffer[i].origin, error))
                }
            }
        }
        // Input usually comes in order already: checking is cheaper than sorting.
        if !pending.indices.dropFirst().allSatisfy({ !PendingChange.sortsBefore(pending[$0], pending[$0 - 1]) }) {
            pending.sort(by: PendingChange.sortsBefore)
        }
        pending = try removeDuplicates(pending, report: &report)

        if let first = pending.first, let last = lastOrder, isEarlier(first, than: last) {
            try store.transaction { () throws(RecordingError) in
                let merged = try rederiveTail(after: first, adding: pending, report: &report)
                try process(merged[...], report: &report)
                for m in meta { try store.setMetaValue(m.key, m.value) }
            }
            // The re-derived events were stored before; only the new ones count as written.
            report.written -= report.rederived
            progress?(changes.count)
            return report
        }
        var start = 0
        repeat {
            let end = min(start + options.batchSize, pending.count)
            try store.transaction { () throws(RecordingError) in
                try process(pending[start..<end], report: &report)
                for m in meta { try store.setMetaValue(m.key, m.value) }
            }
            progress?(end)
            start = end
        } while start < pending.count
        return report
    }

    private func isEarlier(_ p: PendingChange, than last: (time: Timestamp, position: SourcePosition?)) -> Bool {
        if p.commitTime != last.time { return p.commitTime < last.time }
        return SourcePosition.ordersBefore(p.position, last.position)
    }

    /// Completes and stores changes in order; the caller holds the transaction.
    func process(_ items: ArraySlice<PendingChange>, report: inout WriteReport) throws(RecordingError) {
        for schema in catalog.takeChanged() { try store.saveTable(schema) }
        try store.appendColumnTypeChanges(catalog.takeTypeChanges(seq: lastSeq + 1))
        var events: [ChangeEvent] = []
        var counts: [Int] = []
        events.reserveCapacity(items.count)
        counts.reserveCapacity(items.count)
        try items.withUnsafeBufferPointer { buffer throws(RecordingError) in
            for i in buffer.indices {
                try process(buffer[i], into: &events, counts: &counts, report: &report)
            }
        }
        try store.appendEvents(events, rowCounts: counts)
        try store.setMetaValue("unseen_row_events", String(unseenTotal))
    }

    /// Completes, applies and queues one change; saves keyframes when due.
    private func process(_ p: borrowing PendingChange, into events: inout [ChangeEvent], counts: inout [Int],
                         report: inout WriteReport) throws(RecordingError) {
        let table = p.table
        guard let schema = catalog.schemas[table] else { return }
        let seq = lastSeq + 1
        // The state is changed where it lies in `states`: a copy taken out and put back would
        // share the row tree while the event is applied and make it copy nodes every time.
        let fresh = { TableState(table: table, keyColumns: schema.keyColumns) }
        if p.op == .truncate, let rows = states[p.table]?.rows, !rows.isEmpty {
            // Reverting a truncate restores this keyframe.
            try store.saveKeyframe(table: p.table, seq: seq - 1, rows: rows)
        }
        let event = complete(p, seq: seq, schema: schema, state: states[p.table, default: fresh()], report: &report)
        states[p.table, default: fresh()].apply(event)
        snapshots.note(p, key: event.key, seq: seq)
        lastSeq = seq
        lastOrder = (p.commitTime, p.position)
        events.append(event)
        counts.append(states[p.table]?.count ?? 0)
        let since = (sinceKeyframe[p.table] ?? 0) + 1
        if since >= options.keyframeInterval, let rows = states[p.table]?.rows {
            try store.saveKeyframe(table: p.table, seq: seq, rows: rows)
            sinceKeyframe[p.table] = 0
        } else {
            sinceKeyframe[p.table] = since
        }
        report.written += 1
    }
}
