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
    private let damage: DamageMonitor

    init(path: String, damage: DamageMonitor) throws(RecordingError) {
        self.path = path
        self.damage = damage
        do {
            let c = try SQLiteConnection(path: path, readOnly: true)
            select = try c.prepare("SELECT data FROM pages WHERE id = ?")
            connection = c
        } catch {
            throw RecordingError.opening(path: path, error)
        }
    }

    /// The rows of a page, in key order; empty (and recorded in `damage`) when the page is
    /// missing, damaged or does not match the checksum its directory gives.
    func rows(of entry: KeyframePage.Entry, place: KeyframePlace) -> [Row] {
        lock.withLock {
            do throws(KeyframePageError) {
                return try KeyframePage.verifiedRows(read(entry.id), entry: entry, place: place)
            } catch {
                damage.record(.corrupt(path: path, detail: error.detail))
                return []
            }
        }
    }

    /// Called under `lock`.
    private func read(_ id: Int64) -> [UInt8]? {
        guard let select else { return nil }
        defer { select.finish() }
        guard (try? select.reset(.int(id)).step()) == true else { return nil }
        return select.blob(0)
    }
}
