import MSRModel

/// An event as stored: the event, the seq of its table's event before it (`prev_seq`, 0 for
/// the first) and the table's row count after it.
struct StoredEvent {
    var event: ChangeEvent
    var previous: Int64
    var rowCount: Int64
}

/// Checks that a read of events in seq order left none out.
///
/// Each event row matches its checksum, but a damaged index or b-tree page can hide a whole
/// row from a query. Seqs have no gaps, so a read of every table must see each seq in turn;
/// a read of some tables goes through the `events_by_table` index, and there each event names
/// its table's previous event (`prev_seq`, under the checksum), the event after the last one
/// read must name that one, and a table's last event is kept in `table_ends`.
struct EventContinuity {
    let low: Int64
    let tables: Set<TableID>?
    private(set) var lastSeq: Int64?
    private var lastOf: [TableID: Int64] = [:]

    init(low: Int64, tables: Set<TableID>?) {
        self.low = low
        self.tables = tables
    }

    mutating func check(_ e: StoredEvent, store: SQLiteRecordingStore) throws(SQLiteError) {
        let seq = e.event.seq
        if tables == nil {
            let expected = (lastSeq ?? (low &- 1)) &+ 1
            guard seq == expected else { throw store.missing("event \(expected) is missing") }
        } else {
            let t = e.event.table
            let linked = lastOf[t].map { e.previous == $0 } ?? (e.previous < low)
            guard linked else {
                throw store.missing("events of table \(store.tableName(t)) before seq \(seq) are missing")
            }
            lastOf[t] = seq
        }
        lastSeq = seq
    }

    /// Checks that nothing is missing after the last event read, up to `through`.
    func finish(through: Int64, store: SQLiteRecordingStore) throws(SQLiteError) {
        guard let tables else {
            let reached = lastSeq ?? (low &- 1)
            guard reached >= through else { throw store.missing("event \(reached &+ 1) is missing") }
            return
        }
        for t in tables.sorted() { try store.checkNext(table: t, after: lastOf[t], low: low, through: through) }
    }
}

extension SQLiteRecordingStore {
    /// The checksum of one event row: every column but the checksum itself.
    /// A position is an INTEGER (`position`) or a connector's BLOB (`positionBytes`), never both.
    static func eventChecksum(seq: Int64, commitTime: Int64, position: Int64?, positionBytes: UnsafeRawBufferPointer?,
                              table: Int64, op: Int64, rowCount: Int64,
                              previous: Int64, key: UnsafeRawBufferPointer?, before: UnsafeRawBufferPointer?,
                              after: UnsafeRawBufferPointer?, given: UnsafeRawBufferPointer?) -> Int64 {
        var c = RowChecksum()
        c.add(seq)
        c.add(commitTime)
        c.add(position)
        c.add(bytes: positionBytes)
        c.add(table)
        c.add(op)
        c.add(rowCount)
        c.add(previous)
        c.add(bytes: key)
        c.add(bytes: before)
        c.add(bytes: after)
        c.add(bytes: given)
        return c.stored
    }

    /// Throws unless the current row of `eventColumns` has the kinds of values it was written
    /// with and matches its checksum: damage is reported, never read as an event.
    func verifyEvent(_ s: SQLiteStatement) throws(SQLiteError) {
        let seq = s.int64(0)
        let integers: [Int32] = [0, 1, 3, 4, 9, 10, 11]
        let optionalBlobs: [Int32] = [6, 7, 8]
        let kinds = integers.allSatisfy { s.kind($0) == .integer }
            && (s.kind(2) == .integer || s.kind(2) == .null || s.kind(2) == .blob)
            && s.kind(5) == .blob && optionalBlobs.allSatisfy { s.kind($0) == .blob || s.kind($0) == .null }
        let sum = Self.eventChecksum(seq: seq, commitTime: s.int64(1), position: s.kind(2) == .integer ? s.int64(2) : nil,
                                     positionBytes: s.kind(2) == .blob ? s.borrowedBlob(2) : nil, table: s.int64(3),
                                     op: s.int64(4), rowCount: s.int64(9), previous: s.int64(11), key: s.borrowedBlob(5),
                                     before: s.borrowedBlob(6), after: s.borrowedBlob(7), given: s.borrowedBlob(8))
        guard kinds, sum == s.int64(10) else {
            throw SQLiteError(code: SQLiteError.corruptCode, message: "event \(seq)\(tableLabel(s.int64(3))) does not match its checksum")
        }
    }

    func missing(_ what: String) -> SQLiteError {
        SQLiteError(code: SQLiteError.corruptCode, message: "\(what), so a page of the file is damaged")
    }

    func tableName(_ id: TableID) -> String {
        tableCache?.first(where: { $0.id == id })?.name.qualified ?? "id \(id)"
    }

    /// Checks the event of `table` after `last` (or, with none read, its first from `low`):
    /// it must name `last` as its previous and lie beyond `through`; with none after, the
    /// table must end at `last`.
    func checkNext(table: TableID, after last: Int64?, low: Int64, through: Int64) throws(SQLiteError) {
        let s = try statement("SELECT \(Self.eventColumns) FROM events WHERE table_id = ? AND seq > ? ORDER BY seq LIMIT 1")
            .reset(.int(table), .int(last ?? (low &- 1)))
        let whole: Bool
        if try s.step() {
            let next = try decodeEvent(s)
            whole = (last.map { next.previous == $0 } ?? (next.previous < low)) && next.event.seq > through
        } else {
            let end = try tableEnd(table)
            whole = last.map { end == $0 } ?? (end < low)
        }
        guard whole else {
            throw missing("events of table \(tableName(table)) after seq \(last ?? (low &- 1)) are missing")
        }
    }

    static func tableEndChecksum(table: Int64, last: Int64) -> Int64 {
        var c = RowChecksum()
        c.add(table)
        c.add(last)
        return c.stored
    }

    /// The seq of `table`'s last event (0 when it has none), as `table_ends` keeps it.
    func tableEnd(_ table: TableID) throws(SQLiteError) -> Int64 {
        let s = try statement("SELECT table_id, last_seq, checksum FROM table_ends WHERE table_id = ?").reset(.int(table))
        guard try s.step() else { return 0 }
        guard s.kind(1) == .integer, s.kind(2) == .integer,
              Self.tableEndChecksum(table: s.int64(0), last: s.int64(1)) == s.int64(2) else {
            throw SQLiteError(code: SQLiteError.corruptCode, message: "the end of table \(tableName(table)) does not match its checksum")
        }
        return s.int64(1)
    }

    /// Every table's last event, for the writer to link the next ones to.
    func loadTableEnds() throws(SQLiteError) -> [TableID: Int64] {
        if let ends = tableEnds { return ends }
        var ends: [TableID: Int64] = [:]
        let s = try statement("SELECT table_id FROM table_ends").reset()
        var ids: [TableID] = []
        while try s.step() { ids.append(TableID(truncatingIfNeeded: s.int64(0))) }
        for id in ids { ends[id] = try tableEnd(id) }
        tableEnds = ends
        return ends
    }

    func saveTableEnd(_ table: TableID, _ last: Int64) throws(SQLiteError) {
        if last == 0 {
            try statement("DELETE FROM table_ends WHERE table_id = ?").run(.int(table))
        } else {
            try statement("INSERT OR REPLACE INTO table_ends(table_id, last_seq, checksum) VALUES(?, ?, ?)")
                .run(.int(table), .int(last), .int(Self.tableEndChecksum(table: Int64(table), last: last)))
        }
        tableEnds?[table] = last == 0 ? nil : last
    }

    /// After the tail was cut (`truncateHistory`): each table ends at its last event left.
    func recomputeTableEnds() throws(SQLiteError) {
        let ends = try loadTableEnds()
        for table in ends.keys.sorted() {
            let s = try statement("SELECT coalesce(max(seq), 0) FROM events WHERE table_id = ?").reset(.int(table))
            _ = try s.step()
            try saveTableEnd(table, s.int64(0))
        }
    }
}
