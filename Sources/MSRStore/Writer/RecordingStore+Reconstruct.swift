import MSRModel

extension RecordingStore {
    /// The state of `table` after event `seq`, from the nearest keyframe at or before it plus
    /// the table's events since; also says how many events that replayed.
    ///
    /// The writer uses this to pick up where a recording ends; the engine has its own cursor
    /// that also seeks backwards.
    public func reconstruct(table: TableSchema, atSeq seq: Int64) throws(RecordingError) -> (state: TableState, replayed: Int) {
        var state = TableState(table: table.id, keyColumns: table.keyColumns)
        var from: Int64 = 1
        if let kf = try nearestKeyframe(table: table.id, to: seq, atOrBefore: true),
           let rows = try loadKeyframe(table: table.id, seq: kf.seq) {
            state.rows = rows
            state.seq = kf.seq
            from = kf.seq + 1
        }
        var replayed = 0
        var cursor = from
        let chunk: Int64 = 50_000
        while cursor <= seq {
            let upper = min(seq, cursor + chunk - 1)
            for event in try events(in: cursor...upper, table: table.id) {
                state.apply(event)
                replayed += 1
            }
            cursor = upper + 1
        }
        state.seq = seq
        return (state, replayed)
    }
}
