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

    /// Drops marks older than `duration`.
    public mutating func expire(at now: Double) {
        marks = marks.filter { now - $0.value.since < duration }
    }

    public mutating func clear() { marks.removeAll() }

    public subscript(key: RowKey) -> Mark? { marks[key] }

    /// Whether a mark is in its first, brightest part.
    public func isFresh(_ m: Mark, at now: Double) -> Bool { now - m.since < duration / 3 }

    /// Deleted rows still shown whose keys lie between `low` and `high` (either open), by key.
    public func ghosts(after low: RowKey?, before high: RowKey?) -> [(key: RowKey, row: Row)] {
        var out: [(key: RowKey, row: Row)] = []
        for (k, m) in marks where m.kind == .deleted {
            guard let row = m.row, low.map({ k > $0 }) ?? true, high.map({ k < $0 }) ?? true else { continue }
            out.append((k, row))
        }
        return out.sorted { $0.key < $1.key }
    }
}
