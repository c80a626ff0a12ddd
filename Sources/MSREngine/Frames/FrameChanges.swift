import MSRModel
import MSRStore

/// What changed in a table between two frames, for highlighting: rows that appeared, cells
/// that changed, rows that went (kept so they can be shown briefly before they go).
public struct FrameChanges: Sendable {
    public var inserted: Set<RowKey> = []
    /// Changed column indexes per row.
    public var updated: [RowKey: Set<Int>] = [:]
    /// Rows removed, with their last content.
    public var deleted: [RowKey: Row] = [:]
    /// The table was truncated (its rows are not listed one by one).
    public var truncated = false

    public init() {}

    public var isEmpty: Bool { inserted.isEmpty && updated.isEmpty && deleted.isEmpty && !truncated }
    public var count: Int { inserted.count + updated.count + deleted.count }

    /// The changes made by `events`, applied forward, or reverted when `forward` is false
    /// (in the order they were reverted).
    public init(events: [ChangeEvent], forward: Bool, keyColumns: [Int]) {
        for e in events {
            if e.op == .truncate {
                truncated = true
                continue
            }
            // Going back, an event's after-image is what disappears and its before-image what returns.
            let gone = forward ? e.before : e.after
            let come = forward ? e.after : e.before
            noteChange(from: gone, to: come, keyColumns: keyColumns)
        }
    }

    private mutating func noteChange(from old: Row?, to new: Row?, keyColumns: [Int]) {
        switch (old, new) {
        case (let o?, let n?) where o.key(keyColumns) == n.key(keyColumns):
            let key = n.key(keyColumns)
            if inserted.contains(key) { return }
            if deleted.removeValue(forKey: key) != nil {
                updated[key, default: []].formUnion(n.changedColumns(from: o))
                return
            }
            updated[key, default: []].formUnion(n.changedColumns(from: o))
        case (let o, let n):
            if let o { removed(o.key(keyColumns), o) }
            if let n { added(n.key(keyColumns)) }
        }
    }

    private mutating func removed(_ key: RowKey, _ row: Row) {
        if inserted.remove(key) != nil { return }
        updated[key] = nil
        deleted[key] = row
    }

    private mutating func added(_ key: RowKey) {
        if deleted.removeValue(forKey: key) != nil {
            updated[key, default: []] = []
        } else {
            inserted.insert(key)
        }
    }

    /// The changes between two states of a table, found by comparing them.
    public init(diff: TableDiff) {
        inserted = Set(diff.inserted.map(\.key))
        for u in diff.updated { updated[u.key] = Set(u.columns) }
        for d in diff.deleted { deleted[d.key] = d.row }
    }

    /// These changes followed by `later`'s.
    public mutating func merge(_ later: FrameChanges) {
        truncated = truncated || later.truncated
        for (key, row) in later.deleted { removed(key, row) }
        for key in later.inserted { added(key) }
        for (key, cols) in later.updated where !inserted.contains(key) {
            updated[key, default: []].formUnion(cols)
        }
    }
}

/// A table as a pane shows it at one position, with what changed since the frame before.
public struct TableFrame: Sendable {
    public let state: TableState
    public let time: Timestamp
    /// The position of the frame this one follows; `changes` lead from there to here.
    public let previousSeq: Int64?
    public let changes: FrameChanges
    /// The events walked from `previousSeq` to here, in the order they were applied (or
    /// reverted), so a position in between can be made without the store.
    /// Nil when the frame was reached by a jump from a keyframe.
    let walk: [ChangeEvent]?
    /// Where damage found while this frame's rows are read is recorded (its store's monitor).
    let damageMonitor: DamageMonitor?
    /// The history revision its rows were read under (`RecordingStore.historyRevision()`): a
    /// frame of an earlier revision than the recording's shows a history since rewritten.
    public let revision: Int64

    /// The damage found in the recording so far, as the error to show instead of the rows:
    /// keyframe pages are read as the rows are looked at, so ask after reading them.
    public var damage: RecordingError? { damageMonitor?.error }

    public var seq: Int64 { state.seq }
    public var table: TableID { state.table }

    public init(state: TableState, time: Timestamp, previousSeq: Int64?, changes: FrameChanges, walk: [ChangeEvent]? = nil,
                damage: DamageMonitor? = nil, revision: Int64 = 0) {
        self.damageMonitor = damage
        self.revision = revision
        self.state = state
        self.time = time
        self.previousSeq = previousSeq
        self.changes = changes
        self.walk = walk
    }
}
