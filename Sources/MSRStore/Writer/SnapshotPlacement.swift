import MSRModel

/// Places snapshot rows (op `r`) by source position rather than by the time they were read.
///
/// A connector reads its snapshot as of one point in the log, over minutes or hours, while the
/// database goes on changing; those changes are streamed afterwards with later positions but
/// earlier commit times than the last rows read. In commit-time order such a change comes
/// before the stale snapshot row of its row, which would then undo it. So the writer notes,
/// once a snapshot has begun, the position of the last change of each row beyond the snapshot's
/// point; a snapshot row that comes later in time but earlier in position is recorded as read
/// (an `r` event) without changing the row, which keeps the newer values (or stays deleted).
///
/// What it remembers is dropped after two writes without snapshot rows: by then the snapshot is
/// over, and nothing is left for a later change to supersede.
struct SnapshotPlacement {
    /// The latest position of a snapshot row seen, and the seq of its event.
    private var point: (position: SourcePosition, seq: Int64)?
    /// Per table and row, the position of the last change beyond `point` and its event's seq.
    private var newer: [TableID: [RowKey: (position: SourcePosition, seq: Int64)]] = [:]
    private var quietWrites = 0
    private var sawRead = false

    /// Notes a change as it is stored.
    mutating func note(_ p: borrowing PendingChange, key: RowKey, seq: Int64) {
        // A change without a source position cannot be placed by one.
        guard let position = p.position, !position.order.isEmpty else { return }
        if p.op == .read {
            sawRead = true
            if point == nil || SourcePosition.ordersBefore(point?.position, position) { point = (position, seq) }
            return
        }
        guard let point, SourcePosition.ordersBefore(point.position, position) else { return }
        newer[p.table, default: [:]][key] = (position, seq)
        if let old = p.oldKey { newer[p.table, default: [:]][old] = (position, seq) }
    }

    /// Forgets what events after `seq` said: the writer takes them back to re-derive them.
    mutating func rewind(toSeq seq: Int64) {
        if let p = point, p.seq > seq { point = nil }
        for table in Array(newer.keys) {
            newer[table] = newer[table]?.filter { $0.value.seq <= seq }
        }
    }

    /// Whether the snapshot row `p` is older, in its source, than a change already stored.
    func isSuperseded(_ p: borrowing PendingChange) -> Bool {
        guard p.op == .read, let position = p.position, !position.order.isEmpty,
              let last = newer[p.table]?[p.key] else { return false }
        return SourcePosition.ordersBefore(position, last.position)
    }

    /// Called after each write.
    mutating func endWrite() {
        if sawRead {
            quietWrites = 0
        } else {
            quietWrites += 1
            if quietWrites >= 2 {
                newer = [:]
                point = nil
            }
        }
        sawRead = false
    }
}
