import MSRModel

/// Reading and appending change events.
extension SQLiteRecordingStore {
    /// An event's columns in the order `readEvents` and `appendEvents` use them.
    static let eventColumns = "seq, commit_time, position, table_id, op, key, before, after, given, row_count, checksum, prev_seq"

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
            // The whole row is read so that its checksum vouches for the time.
            let s = try statement("SELECT \(Self.eventColumns) FROM events WHERE seq = ?").reset(.int(seq))
            guard try s.step() else { return nil }
            try verifyEvent(s)
            guard s.int64(0) == seq else { throw SQLiteError(code: SQLiteError.corruptCode, message: "event \(seq) is stored as \(s.int64(0))") }
            return Timestamp(micros: s.int64(1))
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
        if let table { return try events(matching: EventQuery(afterSeq: range.lowerBound - 1, throughSeq: range.upperBound, tables: [table]), limit: Int.max) }
        return try events(matching: EventQuery(afterSeq: range.lowerBound - 1, throughSeq: range.upperBound), limit: Int.max)
    }

    /// Reads through every event in the query's seq range (of its tables, through the index),
    /// checks that none is missing (`EventContinuity`) and keeps those of its operations.
    public func events(matching query: EventQuery, limit: Int) throws(RecordingError) -> [ChangeEvent] {
        try readConsistently { () throws(RecordingError) -> [ChangeEvent] in try readEvents(matching: query, limit: limit) }
    }

    private func readEvents(matching query: EventQuery, limit: Int) throws(RecordingError) -> [ChangeEvent] {
        let (low, high) = try bounds(query)
        guard limit > 0, low <= high else { return [] }
        let last = try lastSeqInStore()
        return try wrap { () throws -> [ChangeEvent] in
            let s: SQLiteStatement
            if let tables = query.tables, tables.count == 1, let table = tables.first {
                s = try statement("SELECT \(Self.eventColumns) FROM events WHERE seq BETWEEN ? AND ? AND table_id = \(table) ORDER BY seq")
            } else if let tables = query.tables {
                let list = tables.sorted().map { String($0) }.joined(separator: ",")
                s = try db.prepare("SELECT \(Self.eventColumns) FROM events WHERE seq BETWEEN ? AND ? AND table_id IN (\(list)) ORDER BY seq")
            } else {
                s = try statement("SELECT \(Self.eventColumns) FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq")
            }
            try s.reset(.int(low), .int(high))
            var continuity = EventContinuity(low: low, tables: query.tables)
            var out: [ChangeEvent] = []
            while out.count < limit, try s.step() {
                let stored = try decodeEvent(s)
                try continuity.check(stored, store: self)
                if query.ops?.contains(stored.event.op) ?? true { out.append(stored.event) }
            }
            let through = out.count == limit ? continuity.lastSeq ?? high : min(high, last)
            try continuity.finish(through: through, store: self)
            return out
        }
    }

    public func count(matching query: EventQuery) throws(RecordingError) -> Int64 {
        let (low, high) = try bounds(query)
        let (sql, args) = (whereClause(query), [low, high])
        return try wrap {
            let s = try db.prepare("SELECT count(*) FROM events WHERE \(sql)")
            try s.reset(.int(args[0]), .int(args[1]))
            return try s.step() ? s.int64(0) : 0
        }
    }

    /// Turns a query into a seq range (times become seqs by binary search) plus IN lists built
    /// from integers only, so nothing user-typed reaches the SQL text.
    private func whereClause(_ q: EventQuery) -> String {
        var sql = "seq BETWEEN ? AND ?"
        if let tables = q.tables {
            sql += " AND table_id IN (" + tables.sorted().map { String($0) }.joined(separator: ",") + ")"
        }
        if let ops = q.ops {
            sql += " AND op IN (" + ops.map { String($0.rawValue) }.sorted().joined(separator: ",") + ")"
        }
        return sql
    }

    /// The query's seq range: times become seqs by binary search.
    private func bounds(_ q: EventQuery) throws(RecordingError) -> (Int64, Int64) {
        var low = q.afterSeq &+ 1
        var high = q.throughSeq ?? Int64.max
        if let from = q.fromTime { low = max(low, try lastSeq(atOrBefore: from + -1) + 1) }
        if let to = q.toTime { high = min(high, try lastSeq(atOrBefore: to)) }
        return (low, high)
    }

    /// The index finds the neighbour; its chain link (`prev_seq`) and the link of the event
    /// after it say whether the index skipped one in between.
    public func adjacentEvent(table: TableID, from seq: Int64, forward: Bool) throws(RecordingError) -> ChangeEvent? {
        try readConsistently { () throws(RecordingError) -> ChangeEvent? in try wrap { () throws -> ChangeEvent? in
            if forward {
                let s = try statement("SELECT \(Self.eventColumns) FROM events WHERE table_id = ? AND seq > ? ORDER BY seq LIMIT 1")
                    .reset(.int(table), .int(seq))
                guard try s.step() else {
                    try EventContinuity(low: seq &+ 1, tables: [table]).finish(through: Int64.max, store: self)
                    return nil
                }
                let e = try decodeEvent(s)
                var continuity = EventContinuity(low: seq &+ 1, tables: [table])
                try continuity.check(e, store: self)
                return e.event
            }
            return try latest(table: table, before: seq)?.event
        } }
    }

    /// The last event of `table` before `seq`, checked to be the last (none skipped after it).
    private func latest(table: TableID, before seq: Int64) throws(SQLiteError) -> StoredEvent? {
        let s = try statement("SELECT \(Self.eventColumns) FROM events WHERE table_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1")
            .reset(.int(table), .int(seq))
        guard try s.step() else {
            try EventContinuity(low: 1, tables: [table]).finish(through: seq - 1, store: self)
            return nil
        }
        let e = try decodeEvent(s)
        var continuity = EventContinuity(low: e.event.seq, tables: [table])
        try continuity.check(e, store: self)
        try continuity.finish(through: seq - 1, store: self)
        return e
    }

    public func rowCount(table: TableID, atSeq seq: Int64) throws(RecordingError) -> Int {
        try readConsistently { () throws(RecordingError) -> Int in try wrap { Int(try latest(table: table, before: seq &+ 1)?.rowCount ?? 0) } }
    }

    public func activity(buckets: Int) throws(RecordingError) -> [Int] {
        try activity(buckets: buckets, table: nil)
    }

    /// Per bucket, the global seq range of its events comes from a binary search on time;
    /// one table's share of a range is a count over the `events_by_table` index.
    public func activity(buckets: Int, table: TableID?) throws(RecordingError) -> [Int] {
        let last = try lastSeqInStore()
        guard buckets > 0, last > 0, let first = try commitTime(ofSeq: 1), let end = try commitTime(ofSeq: last) else {
            return Array(repeating: 0, count: max(0, buckets))
        }
        let edges = ActivityBuckets(first: first, last: end, count: buckets)
        var out: [Int] = []
        var previous: Int64 = 0
        for b in 0..<buckets {
            let seq = b == buckets - 1 ? last : try lastSeq(atOrBefore: edges.upperBound(ofBucket: b))
            if let table {
                out.append(seq > previous ? try count(table: table, afterSeq: previous, throughSeq: seq) : 0)
            } else {
                out.append(Int(seq - previous))
            }
            previous = seq
        }
        return out
    }

    private func count(table: TableID, afterSeq low: Int64, throughSeq high: Int64) throws(RecordingError) -> Int {
        try wrap {
            let s = try statement("SELECT count(*) FROM events WHERE table_id = ? AND seq > ? AND seq <= ?")
                .reset(.int(table), .int(low), .int(high))
            _ = try s.step()
            return Int(s.int64(0))
        }
    }
}
