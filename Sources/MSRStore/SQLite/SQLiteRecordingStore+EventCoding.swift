import MSRModel

/// Events to and from their stored rows: images encoded once into a reused buffer and bound
/// without a copy; rows decoded straight from SQLite's buffers once they match their checksum.
extension SQLiteRecordingStore {
    public func appendEvents(_ events: [ChangeEvent], rowCounts: [Int]) throws(RecordingError) {
        try wrap {
            let s = try statement("INSERT INTO events(\(Self.eventColumns)) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            var ends = try loadTableEnds()
            var touched = Set<TableID>()
            // Every image of an event is encoded into one reused buffer and bound from there
            // without a copy; only the ranges of each part are kept.
            var w = BinaryWriter(capacity: 4096)
            try events.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    w.removeAll()
                    let table = buffer[i].table
                    try Self.encode(buffer[i], into: &w).run(s, event: buffer[i], rowCount: rowCounts[i],
                                                             previous: ends[table] ?? 0, bytes: w.bytes)
                    ends[table] = buffer[i].seq
                    touched.insert(table)
                }
            }
            for table in touched.sorted() { try saveTableEnd(table, ends[table] ?? 0) }
        }
    }

    /// Where each encoded part of one event lies in the buffer (nil for NULL).
    private struct EncodedEvent {
        var key: Range<Int>
        var before: Range<Int>?
        var after: Range<Int>?
        var given: Range<Int>?

        func run(_ s: SQLiteStatement, event e: borrowing ChangeEvent, rowCount: Int, previous: Int64, bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { all in
                func part(_ r: Range<Int>?) -> UnsafeRawBufferPointer? { r.map { UnsafeRawBufferPointer(rebasing: all[$0]) } }
                // A plain integer stays an INTEGER (as in recordings before connector positions).
                let integer = e.position?.integer
                let positionBytes: [UInt8]? = integer == nil ? e.position?.storedBytes : nil
                let checksum = positionBytes.withUnsafeOptionalBytes { position in
                    SQLiteRecordingStore.eventChecksum(
                        seq: e.seq, commitTime: e.commitTime.micros, position: integer, positionBytes: position,
                        table: Int64(e.table), op: Int64(e.op.rawValue), rowCount: Int64(rowCount), previous: previous,
                        key: part(key), before: part(before), after: part(after), given: part(given))
                }
                s.rewind()
                try s.bind(1, e.seq)
                try s.bind(2, e.commitTime.micros)
                if let positionBytes { try s.bind(3, copying: positionBytes) } else { try s.bind(3, integer) }
                try s.bind(4, Int64(e.table))
                try s.bind(5, Int64(e.op.rawValue))
                try s.bind(6, borrowing: part(key))
                try s.bind(7, borrowing: part(before))
                try s.bind(8, borrowing: part(after))
                try s.bind(9, borrowing: part(given))
                try s.bind(10, Int64(rowCount))
                try s.bind(11, checksum)
                try s.bind(12, previous)
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

    /// Decodes the current row of `eventColumns` once it matches its checksum; a damaged
    /// image is reported, never trusted.
    func decodeEvent(_ s: SQLiteStatement) throws(SQLiteError) -> StoredEvent {
        try verifyEvent(s)
        guard let op = Operation(rawValue: UInt8(truncatingIfNeeded: s.int64(4))) else {
            throw SQLiteError(code: SQLiteError.corruptCode, message: "event \(s.int64(0)) has an unknown operation")
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
            let event = ChangeEvent(seq: s.int64(0), commitTime: Timestamp(micros: s.int64(1)), position: try storedPosition(s, 2),
                                    table: TableID(truncatingIfNeeded: s.int64(3)), op: op, key: key,
                                    before: before, after: after, givenColumns: given)
            return StoredEvent(event: event, previous: s.int64(11), rowCount: s.int64(9))
        } catch {
            throw SQLiteError(code: SQLiteError.corruptCode, message: "event \(s.int64(0))\(tableLabel(s.int64(3))) cannot be decoded")
        }
    }

    /// " of table NAME" for messages, when the id names a known table.
    func tableLabel(_ id: Int64) -> String {
        guard let t = tableCache?.first(where: { Int64($0.id) == id }) else { return "" }
        return " of table \(t.name.qualified)"
    }

    /// An event's position: an INTEGER is a plain integer, a BLOB a connector's position.
    func storedPosition(_ s: SQLiteStatement, _ column: Int32) throws(BinaryCodingError) -> SourcePosition? {
        if s.isNull(column) { return nil }
        guard s.isBlob(column), let bytes = s.blob(column) else { return SourcePosition(s.int64(column)) }
        guard let p = SourcePosition(storedBytes: bytes) else { throw BinaryCodingError.malformed }
        return p
    }
}

extension Optional where Wrapped == [UInt8] {
    /// The bytes, or nil, as a raw buffer for the length of `body`.
    func withUnsafeOptionalBytes<R>(_ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let bytes = self else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }
}
