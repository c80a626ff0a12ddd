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
