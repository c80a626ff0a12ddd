import MSRModel
import MSRStore

/// One table reconstructed at a movable position of a recording, seeking both ways.
///
/// A seek starts from whichever is nearest the target: the current state, the keyframe at or
/// before it, the keyframe at or after it, or the empty start; then it applies the table's
/// events forward or reverts them backward. Events are invertible, so going back costs what
/// going forward costs. Not thread-safe: one owner at a time.
public final class TableCursor {
    public let store: RecordingStore
    public let schema: TableSchema
    public private(set) var state: TableState
    /// Events read and applied or reverted by the last seek, for tests and benchmarks.
    public private(set) var lastSeekWork = 0
    /// The events the last seek applied (forward) or reverted (backward, in the order it
    /// reverted them), when it moved from the previous state without a jump; nil after a jump
    /// to a keyframe or the start. Frames use it to highlight what changed.
    public private(set) var lastMove: (forward: Bool, events: [ChangeEvent])?
    /// Whether to keep `lastMove`; off for one-off questions that do not need it.
    public var recordsMoves = false

    private static let chunk: Int64 = 20_000

    public init(store: RecordingStore, schema: TableSchema) {
        self.store = store
        self.schema = schema
        self.state = TableState(table: schema.id, keyColumns: schema.keyColumns)
    }

    /// Puts the cursor at a state computed elsewhere (a cached frame), so the next seek moves
    /// on from there.
    public func reset(to state: TableState) {
        self.state = state
    }

    /// The position: the last event (of any table) the state includes.
    public var seq: Int64 { state.seq }

    /// Moves the state to just after event `target` (0 is the empty start). Within
    /// `walkLimit` events of the current position it walks there event by event even when a
    /// keyframe is nearer, so that `lastMove` can say what changed.
    public func seek(toSeq target: Int64, walkLimit: Int64 = 0) throws(RecordingError) {
        let target = max(0, target)
        lastSeekWork = 0
        lastMove = recordsMoves ? (true, []) : nil
        guard target != state.seq else { return }
        var bestDistance = abs(target - state.seq)
        if bestDistance <= walkLimit { bestDistance = 0 }
        var start: (seq: Int64, rows: RowTree)?
        if target < bestDistance {
            bestDistance = target
            start = (0, RowTree())
        }
        if let kf = try store.nearestKeyframe(table: schema.id, to: target, atOrBefore: true), target - kf.seq < bestDistance {
            bestDistance = target - kf.seq
            start = nil
            if let rows = try store.loadKeyframe(table: schema.id, seq: kf.seq) { start = (kf.seq, rows) }
        }
        if let kf = try store.nearestKeyframe(table: schema.id, to: target, atOrBefore: false), kf.seq - target < bestDistance {
            if let rows = try store.loadKeyframe(table: schema.id, seq: kf.seq) { start = (kf.seq, rows) }
        }
        if let start {
            state.rows = start.rows
            state.seq = start.seq
            lastMove = nil
        } else if recordsMoves {
            lastMove = (target > state.seq, [])
        }
        if target > state.seq {
            try forward(to: target)
        } else if target < state.seq {
            try backward(to: target)
        }
    }

    private func forward(to target: Int64) throws(RecordingError) {
        var cursor = state.seq + 1
        while cursor <= target {
            let upper = min(target, cursor + Self.chunk - 1)
            for e in try store.events(in: cursor...upper, table: schema.id) {
                state.apply(e)
                lastSeekWork += 1
                lastMove?.events.append(e)
            }
            cursor = upper + 1
        }
        state.seq = target
    }

    private func backward(to target: Int64) throws(RecordingError) {
        var upper = state.seq
        while upper > target {
            let lower = max(target + 1, upper - Self.chunk + 1)
            for e in try store.events(in: lower...upper, table: schema.id).reversed() {
                try revert(e)
                lastSeekWork += 1
                lastMove?.events.append(e)
            }
            upper = lower - 1
        }
        state.seq = target
    }

    private func revert(_ e: ChangeEvent) throws(RecordingError) {
        if e.op == .truncate {
            state.revert(e, restoring: try store.loadKeyframe(table: schema.id, seq: e.seq - 1))
        } else {
            state.revert(e)
        }
    }

    /// Moves to the next (or previous) event of this table and returns it: forward lands just
    /// after it, backward just before it. Nil when there is none that way.
    @discardableResult
    public func step(forward: Bool) throws(RecordingError) -> ChangeEvent? {
        if forward {
            guard let e = try store.adjacentEvent(table: schema.id, from: state.seq, forward: true) else { return nil }
            try seek(toSeq: e.seq)
            return e
        }
        guard let e = try store.adjacentEvent(table: schema.id, from: state.seq + 1, forward: false) else { return nil }
        try seek(toSeq: e.seq - 1)
        return e
    }
}
