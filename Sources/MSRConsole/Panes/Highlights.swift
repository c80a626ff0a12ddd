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

    public mutating func add(_ changes: FrameChanges, at now: Double) {
        if changes.truncated { marks.removeAll() }
        for key in changes.inserted { marks[key] = Mark(kind: .inserted, columns: [], row: nil, since: now) }
        for (key, cols) in changes.updated {
            if let m = marks[key], m.kind == .inserted, now - m.since < duration { continue }
            marks[key] = Mark(kind: .updated, columns: cols, row: nil, since: now)
        }
        for (key, row) in changes.deleted { marks[key] = Mark(kind: .deleted, columns: [], row: row, since: now) }
    }

    /// Drops marks older than `duration`.
    public mutating func expire(at now: Double) {
        marks = marks.filter { now - $0.value.since < duration }
    }

    public mutating func clear() { marks.removeAll() }

    public subscript(key: RowKey) -> Mark? { marks[key] }

    /// Whether a mark is in its first, brightest part.
    public func isFresh(_ m: Mark, at now: Double) -> Bool { now - m.since < duration / 3 }

    /// Deleted rows still shown, by key.
    public var ghosts: [(key: RowKey, row: Row)] {
        marks.compactMap { k, m in m.kind == .deleted ? m.row.map { (k, $0) } : nil }.sorted { $0.key < $1.key }
    }
}
