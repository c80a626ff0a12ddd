import MSREngine
import MSRModel

/// What a pane marks as just changed, and for how long: inserted rows, updated cells, and
/// deleted rows shown briefly before they go, fading after a moment.
///
/// Read on every frame, so nothing here walks every mark per frame: marks expire from a queue
/// in the order they were made, and deleted rows are kept in key order as well, so the grid
/// reads only those near its window.
public struct Highlights {
    public enum Kind: Sendable { case inserted, updated, deleted }

    public struct Mark {
        public var kind: Kind
        public var columns: Set<Int>
        /// The deleted row's last content.
        public var row: Row?
        public var since: Double
    }

    /// Seconds a mark stays.
    public var duration = 1.5
    public private(set) var marks: [RowKey: Mark] = [:]
    /// The deleted rows still shown, by key.
    public private(set) var ghostRows = RowTree()
    /// Marks in the order they were made, to expire the oldest first; an entry whose key was
    /// marked again since is passed over.
    private var made: [(key: RowKey, since: Double)] = []
    private var madeStart = 0

    public init() {}

    /// Marks kept at most: at high speeds nearly every row changes within a highlight's life,
    /// and marking them all would cost more than showing them is worth.
    public var limit = 5_000

    public mutating func add(_ changes: FrameChanges, at now: Double) {
        if changes.truncated || marks.count + changes.count > limit { clear() }
        guard changes.count <= limit else { return }
        let wasInOrder = made.last.map { $0.since <= now } ?? true
        for key in changes.inserted { set(Mark(kind: .inserted, columns: [], row: nil, since: now), for: key) }
        for (key, cols) in changes.updated {
            if let m = marks[key], m.kind == .inserted, now - m.since < duration { continue }
            set(Mark(kind: .updated, columns: cols, row: nil, since: now), for: key)
        }
        for (key, row) in changes.deleted { set(Mark(kind: .deleted, columns: [], row: row, since: now), for: key) }
        // Time does not go back while playing; should it (a clock set back by hand), the
        // queue is put back in order.
        if !wasInOrder {
            made = made[madeStart...].sorted { $0.since < $1.since }
            madeStart = 0
        }
    }

    private mutating func set(_ mark: Mark, for key: RowKey) {
        if let row = mark.row {
            ghostRows.set(row, for: key)
        } else if marks[key]?.kind == .deleted {
            ghostRows.remove(key)
        }
        marks[key] = mark
        made.append((key, mark.since))
    }

    /// What really differs between two states among the rows `changes` touched.
    ///
    /// The feed's changes between two frames can come through frames on either side (a
    /// step back from 29 to 28 may be computed as 29 → 30 → 28), so a row changed and then
    /// changed back would be marked though it is the same; comparing the two states keeps
    /// only what a reviewer can see changed.
    ///
    /// Nil when more than `limit` rows changed: so many are not marked (see `add`), and at
    /// high speed that is known before every touched row is compared.
    public static func net(_ changes: FrameChanges, from old: TableState, to new: TableState,
                           limit: Int = .max) -> FrameChanges? {
        var out = FrameChanges()
        out.truncated = changes.truncated
        // What a key comes to depends on the two states alone, so a key listed twice is
        // simply worked out twice.
        for key in changes.inserted where !note(key, &out, old, new, limit) { return nil }
        for key in changes.updated.keys where !note(key, &out, old, new, limit) { return nil }
        for key in changes.deleted.keys where !note(key, &out, old, new, limit) { return nil }
        return out
    }

    /// Adds to `out` what changed at `key`; false once more than `limit` rows did.
    private static func note(_ key: RowKey, _ out: inout FrameChanges, _ old: TableState, _ new: TableState, _ limit: Int) -> Bool {
        switch (old[key], new[key]) {
        case (nil, _?): out.inserted.insert(key)
        case (let before?, nil): out.deleted[key] = before
        case (let before?, let after?):
            let columns = after.changedColumns(from: before)
            if !columns.isEmpty { out.updated[key] = Set(columns) }
        case (nil, nil): break
        }
        return out.count <= limit
    }

    /// Drops marks older than `duration`.
    public mutating func expire(at now: Double) {
        while madeStart < made.count, now - made[madeStart].since >= duration {
            let (key, since) = made[madeStart]
            madeStart += 1
            // Marked again since: the newer mark has its own entry further on.
            guard let m = marks[key], m.since == since else { continue }
            marks[key] = nil
            if m.kind == .deleted { ghostRows.remove(key) }
        }
        if madeStart == made.count {
            made.removeAll(keepingCapacity: true)
            madeStart = 0
        } else if madeStart > 1_024, madeStart * 2 > made.count {
            made.removeFirst(madeStart)
            madeStart = 0
        }
    }

    public mutating func clear() {
        marks.removeAll()
        ghostRows.removeAll()
        made.removeAll()
        madeStart = 0
    }

    public subscript(key: RowKey) -> Mark? { marks[key] }

    /// Whether a mark is in its first, brightest part.
    public func isFresh(_ m: Mark, at now: Double) -> Bool { now - m.since < duration / 3 }

    /// Deleted rows still shown, in key order.
    public var ghosts: [(key: RowKey, row: Row)] { Array(ghostRows) }
}
