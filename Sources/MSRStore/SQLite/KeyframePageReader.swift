import Foundation
import MSRModel

/// Reads keyframe pages for lazy row-tree leaves, from whichever thread first looks at a leaf.
///
/// A keyframe's tree reaches other threads (a console frame is drawn on the main thread while
/// its feed works on its own queue), so the pages are read through a connection of their own,
/// under a lock. Pages are written once and never change or get reused (their ids are
/// AUTOINCREMENT), so reading one later, from another connection, gives what the keyframe
/// meant.
final class KeyframePageReader: @unchecked Sendable {
    // Safety: every use of `connection` and `select` happens under `lock`.
    private let lock = NSLock()
    private let path: String
    private var connection: SQLiteConnection?
    private var select: SQLiteStatement?
    private var failed = 0

    init(path: String) throws(RecordingError) {
        self.path = path
        do {
            let c = try SQLiteConnection(path: path, readOnly: true)
            select = try c.prepare("SELECT data FROM pages WHERE id = ?")
            connection = c
        } catch {
            throw .storage(path: path, detail: error.message)
        }
    }

    /// Pages that could not be read or decoded since the store opened (their leaves load empty).
    var failures: Int { lock.withLock { failed } }

    /// The rows of page `id`, in key order; empty (and counted in `failures`) when the page
    /// is missing or damaged.
    func rows(ofPage id: Int64) -> [Row] {
        lock.withLock {
            guard let select else { failed += 1; return [] }
            defer { select.finish() }
            do {
                guard try select.reset(.int(id)).step(), let data = select.blob(0) else {
                    failed += 1
                    return []
                }
                return try KeyframePage.decodeRows(data)
            } catch {
                failed += 1
                return []
            }
        }
    }

}

/// One stored keyframe page as the source of a lazy leaf.
struct StoredKeyframePage: LeafSource {
    let reader: KeyframePageReader
    let id: Int64

    func loadRows() -> [Row] { reader.rows(ofPage: id) }
}

/// The encodings of a keyframe page (its rows) and of a keyframe's directory (its pages).
enum KeyframePage {
    /// One entry of a keyframe's directory: a page, its row count and its first key.
    struct Entry {
        var id: Int64
        var rows: Int
        var firstKey: RowKey
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
            w.key(e.firstKey)
        }
        return w.bytes
    }

    static func decodeDirectory(_ data: [UInt8]) throws(BinaryCodingError) -> [Entry] {
        try BinaryReader.decode(data) { r throws(BinaryCodingError) in
            let n = try r.varint()
            var out: [Entry] = []
            out.reserveCapacity(Int(min(n, 1 << 20)))
            for _ in 0..<n {
                out.append(Entry(id: Int64(bitPattern: try r.varint()), rows: Int(try r.varint()), firstKey: try r.key()))
            }
            return out
        }
    }
}
