import MSREngine
import MSRModel

/// What a pane marks as just changed, and for how long: inserted rows, updated cells, and
/// deleted rows shown briefly before they go, fading after a moment.
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

    public init() {}

    /// Marks kept at most: at high speeds nearly every row changes within a highlight's life,
    /// and marking them all would cost more than showing them is worth.
    public var limit = 5_000

    public mutating func add(_ changes: FrameChanges, at now: Double) {
        if changes.truncated || marks.count + changes.count > limit { marks.removeAll() }
        guard changes.count <= limit else { return }
        for key in changes.inserted { marks[key] = Mark(kind: .inserted, columns: [], row: nil, since: now) }
        for (key, cols) in changes.updated {
            if let m = marks[key], m.kind == .inserted, now - m.since < duration { continue }
            marks[key] = Mark(kind: .updated, columns: cols, row: nil, since: now)
        }
        for (key, row) in changes.deleted { marks[key] = Mark(kind: .deleted, columns: [], row: row, since: now) }
    }

    /// What really differs between two states among the rows `changes` touched.
    ///
    /// The feed's changes between two frames can come through frames on either side (a
    /// step back from 29 to 28 may be computed as 29 → 30 → 28), so a row changed and then
    /// changed back would be marked though it is the same; comparing the two states keeps
    /// only what a reviewer can see changed.
    public static func net(_ changes: FrameChanges, from old: TableState, to new: TableState) -> FrameChanges {
        var out = FrameChanges()
        out.truncated = changes.truncated
        let touched = changes.inserted.union(changes.updated.keys).union(changes.deleted.keys)
        for key in touched {
            switch (old[key], new[key]) {
            case (nil, _?): out.inserted.insert(key)
            case (let before?, nil): out.deleted[key] = before
            case (let before?, let after?):
                let columns = after.changedColumns(from: before)
                if !columns.isEmpty { out.updated[key] = Set(columns) }
            case (nil, nil): break
            }
        }
        return out
    }

    /// Drops marks older than `duration`.
    public mutating func expire(at now: Double) {
        marks = marks.filter { now - $0.value.since < duration }
    }

    public mutating func clear() { marks.removeAll() }

    public subscript(key: RowKey) -> Mark? { marks[key] }

    /// Whether a mark is in its first, brightest part.
    public func isFresh(_ m: Mark, at now: Double) -> Bool { now - m.since < duration / 3 }

    /// Deleted rows still shown, in no particular order.
    public var ghosts: [(key: RowKey, row: Row)] {
        marks.compactMap { k, m in m.kind == .deleted ? m.row.map { (k, $0) } : nil }
    }
}
