import MSRModel

/// The encodings of a keyframe page (its rows) and of a keyframe's directory (its pages).
enum KeyframePage {
    /// One entry of a keyframe's directory: a page, its row count, its first key and the
    /// checksum its stored bytes must match (`checksum(table:data:)`).
    struct Entry {
        var id: Int64
        var rows: Int
        var firstKey: RowKey
        var checksum: Int64
    }

    /// A page's checksum: its table and its stored bytes. It is kept in the directories that
    /// name the page, so a page found under another id does not pass either.
    static func checksum(table: TableID, data: [UInt8]) -> Int64 {
        var c = RowChecksum()
        c.add(Int64(table))
        c.add(bytes: data)
        return c.stored
    }

    /// The checksum of a keyframe row: its table, seq, row count and directory.
    static func keyframeChecksum(table: Int64, seq: Int64, rows: Int64, directory: [UInt8]) -> Int64 {
        var c = RowChecksum()
        c.add(table)
        c.add(seq)
        c.add(rows)
        c.add(bytes: directory)
        return c.stored
    }

    /// A page as stored: its rows, compressed (`PageCompression`).
    static func encodeRows(_ rows: [Row]) -> [UInt8] {
        var w = BinaryWriter(capacity: rows.count * 48)
        w.varint(UInt64(rows.count))
        for r in rows { w.row(r) }
        return PageCompression.compress(w.bytes)
    }

    static func decodeRows(_ data: [UInt8]) throws(BinaryCodingError) -> [Row] {
        try BinaryReader.decode(try PageCompression.decompress(data)) { r throws(BinaryCodingError) in
            let n = try r.varint()
            var rows: [Row] = []
            rows.reserveCapacity(Int(min(n, 4096)))
            for _ in 0..<n { rows.append(try r.row()) }
            return rows
        }
    }

    static func encodeDirectory(_ entries: [Entry]) -> [UInt8] {
        var w = BinaryWriter(capacity: entries.count * 16)
        w.varint(UInt64(entries.count))
        for e in entries {
            w.varint(UInt64(bitPattern: e.id))
            w.varint(UInt64(e.rows))
            w.varint(UInt64(bitPattern: e.checksum))
            w.key(e.firstKey)
        }
        return w.bytes
    }

    /// A run of directory entries: where it starts in the directory, how many pages and rows
    /// it holds, and its first key.
    struct Run {
        var offset: Int
        var pages: Int
        var rows: Int
        var firstKey: RowKey
    }

    /// Reads through a whole directory (so damage shows now, not later) and cuts it into runs
    /// of `pagesPerRun` pages, decoding only each run's first key.
    static func scanRuns(_ data: [UInt8], pagesPerRun: Int) throws(BinaryCodingError) -> [Run] {
        try BinaryReader.decode(data) { r throws(BinaryCodingError) in
            let n = try r.varint()
            var runs: [Run] = []
            for i in 0..<n {
                if i % UInt64(pagesPerRun) == 0 {
                    let offset = r.offset
                    _ = try r.varint()
                    let rows = Int(try r.varint())
                    _ = try r.varint()
                    runs.append(Run(offset: offset, pages: 1, rows: rows, firstKey: try r.key()))
                } else {
                    _ = try r.varint()
                    runs[runs.count - 1].rows += Int(try r.varint())
                    _ = try r.varint()
                    runs[runs.count - 1].pages += 1
                    try skipValues(&r)
                }
            }
            return runs
        }
    }

    /// The entries of one run.
    static func decodeEntries(_ data: [UInt8], run: Run) throws(BinaryCodingError) -> [Entry] {
        guard run.offset <= data.count else { throw .truncated }
        var result: Result<[Entry], BinaryCodingError> = .failure(.truncated)
        data.withUnsafeBytes { buf in
            var r = BinaryReader(UnsafeRawBufferPointer(rebasing: buf[run.offset...]))
            var out: [Entry] = []
            out.reserveCapacity(run.pages)
            do throws(BinaryCodingError) {
                for _ in 0..<run.pages { out.append(try entry(&r)) }
                result = .success(out)
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// Steps over an encoded list of values without building them.
    private static func skipValues(_ r: inout BinaryReader) throws(BinaryCodingError) {
        let n = try r.varint()
        for _ in 0..<n {
            switch try r.byte() {
            case 0, 1, 2: break
            case 3: _ = try r.varint()
            case 4: for _ in 0..<8 { _ = try r.byte() }
            case 5, 6: _ = try r.text()
            default: throw .malformed
            }
        }
    }

    static func decodeDirectory(_ data: [UInt8]) throws(BinaryCodingError) -> [Entry] {
        try BinaryReader.decode(data) { r throws(BinaryCodingError) in
            let n = try r.varint()
            var out: [Entry] = []
            out.reserveCapacity(Int(min(n, 1 << 20)))
            for _ in 0..<n { out.append(try entry(&r)) }
            return out
        }
    }

    private static func entry(_ r: inout BinaryReader) throws(BinaryCodingError) -> Entry {
        let id = Int64(bitPattern: try r.varint())
        let rows = Int(try r.varint())
        let checksum = Int64(bitPattern: try r.varint())
        return Entry(id: id, rows: rows, firstKey: try r.key(), checksum: checksum)
    }
}

/// A keyframe page that cannot be used: missing, not matching its checksum, or undecodable.
struct KeyframePageError: Error {
    var detail: String
}

extension KeyframePage {
    /// The rows of a page read for `entry`, once its bytes match the entry's checksum and
    /// its row count.
    static func verifiedRows(_ data: [UInt8]?, entry: Entry, place: KeyframePlace) throws(KeyframePageError) -> [Row] {
        let which = "keyframe page \(entry.id) of table \(place.table) (keyframe at seq \(place.seq))"
        guard let data else { throw KeyframePageError(detail: "\(which) is missing") }
        guard checksum(table: place.tableID, data: data) == entry.checksum else {
            throw KeyframePageError(detail: "\(which) does not match its checksum")
        }
        guard let rows = try? decodeRows(data), rows.count == entry.rows else {
            throw KeyframePageError(detail: "\(which) cannot be decoded")
        }
        return rows
    }
}
