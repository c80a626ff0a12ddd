import MSRModel

/// Reading and appending change events.
extension SQLiteRecordingStore {
    static let eventColumns = "seq, commit_time, position, table_id, op, key, before, after, given"

    public func summary() throws(RecordingError) -> RecordingSummary {
        try forgetTablesIfChangedElsewhere()
        let tables = try tables()
        // Events are numbered 1...N without gaps, so the count is the last seq: one index probe,
        // where count(*) would scan millions of rows.
        let last = try lastSeqInStore()
        let count = last
        let unseen = Int64(try metaValue("unseen_row_events") ?? "0") ?? 0
        let interval = Int(try metaValue("keyframe_interval") ?? "") ?? 2000
        return RecordingSummary(eventCount: count, lastSeq: last,
                                firstCommit: count > 0 ? try commitTime(ofSeq: 1) : nil,
                                lastCommit: count > 0 ? try commitTime(ofSeq: last) : nil,
                                tables: tables, unseenRowEvents: unseen, keyframeInterval: interval)
    }

    /// Another connection (a capture) committed since the tables were cached: they may have
    /// gained tables or columns. `PRAGMA data_version` changes exactly then.
    func forgetTablesIfChangedElsewhere() throws(RecordingError) {
        let version = try wrap { () throws -> Int64 in
            let s = try statement("PRAGMA data_version").reset()
            _ = try s.step()
            return s.int64(0)
        }
        if version != seenDataVersion {
            tableCache = nil
            seenDataVersion = version
        }
    }

    func lastSeqInStore() throws(RecordingError) -> Int64 {
        try wrap {
            let s = try statement("SELECT coalesce(max(seq), 0) FROM events").reset()
            _ = try s.step()
            return s.int64(0)
        }
    }

    public func commitTime(ofSeq seq: Int64) throws(RecordingError) -> Timestamp? {
        try wrap {
            let s = try statement("SELECT commit_time FROM events WHERE seq = ?").reset(.int(seq))
            return try s.step() ? Timestamp(micros: s.int64(0)) : nil
        }
    }

    /// Commit times never decrease with seq, so a binary search over seq finds the moment
    /// without an index on time.
    public func lastSeq(atOrBefore time: Timestamp) throws(RecordingError) -> Int64 {
        var lo: Int64 = 0, hi = try lastSeqInStore()
        while lo < hi {
            let mid = lo + (hi - lo + 1) / 2
            guard let t = try commitTime(ofSeq: mid) else {
                throw .corrupt(path: location, detail: "event \(mid) is missing")
            }
            if t <= time { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func events(in range: ClosedRange<Int64>, table: TableID?) throws(RecordingError) -> [ChangeEvent] {
        try wrap { () throws -> [ChangeEvent] in
            let s: SQLiteStatement
            if let table {
                s = try statement("SELECT \(Self.eventColumns) FROM events WHERE table_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")
                    .reset(.int(table), .int(range.lowerBound), .int(range.upperBound))
            } else {
                s = try statement("SELECT \(Self.eventColumns) FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq")
                    .reset(.int(range.lowerBound), .int(range.upperBound))
            }
            return try readEvents(s, limit: Int.max)
        }
    }

    public func events(matching query: EventQuery, limit: Int) throws(RecordingError) -> [ChangeEvent] {
        let (sql, args) = try whereClause(query)
        return try wrap { () throws -> [ChangeEvent] in
            let s = try db.prepare("SELECT \(Self.eventColumns) FROM events WHERE \(sql) ORDER BY seq LIMIT \(max(0, limit))")
            try s.reset(.int(args[0]), .int(args[1]))
            return try readEvents(s, limit: limit)
        }
    }

    public func count(matching query: EventQuery) throws(RecordingError) -> Int64 {
        let (sql, args) = try whereClause(query)
        return try wrap {
            let s = try db.prepare("SELECT count(*) FROM events WHERE \(sql)")
            try s.reset(.int(args[0]), .int(args[1]))
            return try s.step() ? s.int64(0) : 0
        }
    }

    /// Turns a query into a seq range (times become seqs by binary search) plus IN lists built
    /// from integers only, so nothing user-typed reaches the SQL text.
    private func whereClause(_ q: EventQuery) throws(RecordingError) -> (String, [Int64]) {
        var low = q.afterSeq + 1
        var high = q.throughSeq ?? Int64.max
        if let from = q.fromTime { low = max(low, try lastSeq(atOrBefore: from + -1) + 1) }
        if let to = q.toTime { high = min(high, try lastSeq(atOrBefore: to)) }
        var sql = "seq BETWEEN ? AND ?"
        if let tables = q.tables {
            sql += " AND table_id IN (" + tables.sorted().map { String($0) }.joined(separator: ",") + ")"
        }
        if let ops = q.ops {
            sql += " AND op IN (" + ops.map { String($0.rawValue) }.sorted().joined(separator: ",") + ")"
        }
        return (sql, [low, high])
    }

    public func adjacentEvent(table: TableID, from seq: Int64, forward: Bool) throws(RecordingError) -> ChangeEvent? {
        try wrap { () throws -> ChangeEvent? in
            let sql = forward
                ? "SELECT \(Self.eventColumns) FROM events WHERE table_id = ? AND seq > ? ORDER BY seq LIMIT 1"
                : "SELECT \(Self.eventColumns) FROM events WHERE table_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1"
            return try readEvents(try statement(sql).reset(.int(table), .int(seq)), limit: 1).first
        }
    }

    public func rowCount(table: TableID, atSeq seq: Int64) throws(RecordingError) -> Int {
        try wrap {
            let s = try statement("SELECT row_count FROM events WHERE table_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1")
                .reset(.int(table), .int(seq))
            return try s.step() ? Int(s.int64(0)) : 0
        }
    }

    public func activity(buckets: Int) throws(RecordingError) -> [Int] {
        let last = try lastSeqInStore()
        guard buckets > 0, last > 0, let first = try commitTime(ofSeq: 1), let end = try commitTime(ofSeq: last) else {
            return Array(repeating: 0, count: max(0, buckets))
        }
        let span = max(1, end - first + 1)
        var out: [Int] = []
        var previous: Int64 = 0
        for b in 1...buckets {
            let boundary = first + (span * Int64(b) / Int64(buckets) - 1)
            let seq = b == buckets ? last : try lastSeq(atOrBefore: boundary)
            out.append(Int(seq - previous))
            previous = seq
        }
        return out
    }

    public func appendEvents(_ events: [ChangeEvent], rowCounts: [Int]) throws(RecordingError) {
        try wrap {
            let s = try statement("INSERT INTO events(\(Self.eventColumns), row_count) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            // Every image of an event is encoded into one reused buffer and bound from there
            // without a copy; only the ranges of each part are kept.
            var w = BinaryWriter(capacity: 4096)
            try events.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    w.removeAll()
                    try Self.encode(buffer[i], into: &w).run(s, event: buffer[i], rowCount: rowCounts[i], bytes: w.bytes)
                }
            }
        }
    }

    /// Where each encoded part of one event lies in the buffer (nil for NULL).
    private struct EncodedEvent {
        var key: Range<Int>
        var before: Range<Int>?
        var after: Range<Int>?
        var given: Range<Int>?

        func run(_ s: SQLiteStatement, event e: borrowing ChangeEvent, rowCount: Int, bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { all in
                func part(_ r: Range<Int>?) -> UnsafeRawBufferPointer? { r.map { UnsafeRawBufferPointer(rebasing: all[$0]) } }
                s.rewind()
                try s.bind(1, e.seq)
                try s.bind(2, e.commitTime.micros)
                // A plain integer stays an INTEGER (as in recordings before connector positions).
                if let p = e.position, p.integer == nil {
                    try s.bind(3, copying: p.storedBytes)
                } else {
                    try s.bind(3, e.position?.integer)
                }
                try s.bind(4, Int64(e.table))
                try s.bind(5, Int64(e.op.rawValue))
                try s.bind(6, borrowing: part(key))
                try s.bind(7, borrowing: part(before))
                try s.bind(8, borrowing: part(after))
                try s.bind(9, borrowing: part(given))
                try s.bind(10, Int64(rowCount))
                _ = try s.step()
            }
        }
    }

    private static func encode(_ e: borrowing ChangeEvent, into w: inout BinaryWriter) -> EncodedEvent {
        func mark(_ body: (inout BinaryWriter) -> Void) -> Range<Int> {
            let start = w.count
            body(&w)
            return start..<w.count
        }
        let key = mark { $0.key(e.key) }
        let before = e.before.map { row in mark { $0.row(row) } }
        let after = e.after.map { row in mark { AfterImageCoding.encode(after: row, before: e.before, into: &$0) } }
        let given = e.givenColumns.map { mask in
            mark { w in
                w.varint(UInt64(mask.words.count))
                for word in mask.words { w.varint(word) }
            }
        }
        return EncodedEvent(key: key, before: before, after: after, given: given)
    }

    /// Decodes rows of `eventColumns`; a damaged image is reported, never trusted.
    func readEvents(_ s: SQLiteStatement, limit: Int) throws(SQLiteError) -> [ChangeEvent] {
        var out: [ChangeEvent] = []
        while out.count < limit, try s.step() {
            guard let op = Operation(rawValue: UInt8(truncatingIfNeeded: s.int64(4))) else {
                throw SQLiteError(code: 11, message: "event \(s.int64(0)) has an unknown operation")
            }
            do {
                // Decoded straight from SQLite's buffers: a walk reads thousands of events.
                let key = try s.withBlob(5) { b throws(BinaryCodingError) in
                    var r = BinaryReader(b)
                    return try r.key()
                } ?? RowKey([])
                let before = try s.withBlob(6) { b throws(BinaryCodingError) in
                    var r = BinaryReader(b)
                    return try r.row()
                }
                let after = try s.withBlob(7) { b throws(BinaryCodingError) in
                    var r = BinaryReader(b)
                    return try AfterImageCoding.decode(&r, before: before)
                }
                let given = try s.blob(8).map { b throws(BinaryCodingError) in
                    try BinaryReader.decode(b) { r throws(BinaryCodingError) -> ColumnMask in
                        let n = try r.varint()
                        var words: [UInt64] = []
                        for _ in 0..<min(n, 1024) { words.append(try r.varint()) }
                        return ColumnMask(words: words)
                    }
                }
                out.append(ChangeEvent(seq: s.int64(0), commitTime: Timestamp(micros: s.int64(1)), position: try position(s, 2),
                                       table: TableID(truncatingIfNeeded: s.int64(3)), op: op, key: key,
                                       before: before, after: after, givenColumns: given))
            } catch {
                throw SQLiteError(code: 11, message: "event \(s.int64(0)) cannot be decoded")
            }
        }
        return out
    }

    /// An event's position: an INTEGER is a plain integer, a BLOB a connector's position.
    private func position(_ s: SQLiteStatement, _ column: Int32) throws(BinaryCodingError) -> SourcePosition? {
        if s.isNull(column) { return nil }
        guard s.isBlob(column), let bytes = s.blob(column) else { return SourcePosition(s.int64(column)) }
        guard let p = SourcePosition(storedBytes: bytes) else { throw BinaryCodingError.malformed }
        return p
    }
}
