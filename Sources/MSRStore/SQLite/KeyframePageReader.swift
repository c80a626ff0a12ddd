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
    private var keyframe: SQLiteStatement?
    private let damage: DamageMonitor

    init(path: String, damage: DamageMonitor) throws(RecordingError) {
        self.path = path
        self.damage = damage
        do {
            let c = try SQLiteConnection(path: path, readOnly: true)
            select = try c.prepare("SELECT data FROM pages WHERE id = ?")
            keyframe = try c.prepare("SELECT count(*) FROM keyframes WHERE table_id = ? AND seq = ?")
            connection = c
        } catch {
            throw RecordingError.opening(path: path, error)
        }
    }

    /// The rows of a page, in key order; empty (and recorded in `damage`) when the page is
    /// missing, damaged or does not match the checksum its directory gives.
    func rows(of entry: KeyframePage.Entry, place: KeyframePlace) -> [Row] {
        lock.withLock {
            let data = read(entry.id)
            do throws(KeyframePageError) {
                return try KeyframePage.verifiedRows(data, entry: entry, place: place)
            } catch {
                if data == nil && !keyframeExists(place) {
                    // Not damage: a writer re-derived the tail (late events) and dropped the
                    // keyframe after this tree was built.
                    damage.record(.storage(path: path, detail: "the keyframe at seq \(place.seq) of table \(place.table) was rewritten while it was read; open the recording again"))
                } else {
                    damage.record(.corrupt(path: path, detail: error.detail))
                }
                return []
            }
        }
    }

    /// Called under `lock`.
    private func keyframeExists(_ place: KeyframePlace) -> Bool {
        guard let keyframe else { return true }
        defer { keyframe.finish() }
        guard (try? keyframe.reset(.int(place.tableID), .int(place.seq)).step()) == true else { return true }
        return keyframe.int64(0) > 0
    }

    /// Called under `lock`.
    private func read(_ id: Int64) -> [UInt8]? {
        guard let select else { return nil }
        defer { select.finish() }
        guard (try? select.reset(.int(id)).step()) == true else { return nil }
        return select.blob(0)
    }
}
