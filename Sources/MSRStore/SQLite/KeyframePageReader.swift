import Foundation
import MSRModel

/// Reads keyframe pages for lazy row-tree leaves, from whichever thread first looks at a leaf.
///
/// A keyframe's tree reaches other threads (a console frame is drawn on the main thread while
/// its feed works on its own queue), so the pages are read through a connection of their own,
/// under a lock. Pages are written once and never change or get reused (their ids are
/// AUTOINCREMENT), so a page read later, from another connection, gives what the keyframe
/// meant, or is gone: deleted with its keyframe when the writer rewrote the tail, which the
/// history revision then tells from damage.
final class KeyframePageReader: @unchecked Sendable {
    // Safety: every use of `connection` and its statements happens under `lock`.
    private let lock = NSLock()
    private let path: String
    private var connection: SQLiteConnection?
    private var select: SQLiteStatement?
    private var revision: SQLiteStatement?
    private let damage: DamageMonitor

    init(path: String, damage: DamageMonitor) throws(RecordingError) {
        self.path = path
        self.damage = damage
        do {
            let c = try SQLiteConnection(path: path, readOnly: true)
            select = try c.prepare("SELECT data FROM pages WHERE id = ?")
            revision = try c.prepare("SELECT value FROM meta WHERE key = ?")
            connection = c
        } catch {
            throw RecordingError.opening(path: path, error)
        }
    }

    /// The rows of a page, in key order; empty when the page is missing, damaged or does not
    /// match the checksum its directory gives (recorded in `damage`), or is gone because the
    /// history was rewritten since the keyframe was opened (recorded there as a rewrite).
    func rows(of entry: KeyframePage.Entry, place: KeyframePlace) -> [Row] {
        lock.withLock {
            let data = read(entry.id)
            do throws(KeyframePageError) {
                return try KeyframePage.verifiedRows(data, entry: entry, place: place)
            } catch {
                // A page that is there but wrong is damage whatever happened since: pages
                // never change. A missing one is a rewrite only if one was counted.
                if data == nil, let now = currentRevision(), now > place.revision {
                    damage.record(.historyRewritten(path: path, revision: place.revision))
                } else {
                    damage.record(.corrupt(path: path, detail: error.detail))
                }
                return []
            }
        }
    }

    /// The history revision now; nil when it cannot be read. Called under `lock`.
    private func currentRevision() -> Int64? {
        guard let revision else { return nil }
        defer { revision.finish() }
        guard let found = try? revision.reset(.text(SQLiteRecordingStore.historyRevisionKey)).step() else { return nil }
        return found ? Int64(revision.text(0)) : 0
    }

    /// Called under `lock`.
    private func read(_ id: Int64) -> [UInt8]? {
        guard let select else { return nil }
        defer { select.finish() }
        guard (try? select.reset(.int(id)).step()) == true else { return nil }
        return select.blob(0)
    }
}
