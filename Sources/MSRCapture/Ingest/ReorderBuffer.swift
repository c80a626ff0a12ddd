import MSRModel

/// Decoded changes waiting until no unread input can sort before them (see `ReleaseBound`).
///
/// With one input in commit order it holds only the changes at the latest commit time and
/// position; with several inputs, about a batch of each input ahead of the slowest. A change
/// that sorts before what was already handed out (an input out of order by itself, or input
/// older than the recording's end) is still recorded in its place: the writer re-derives the
/// stored events after it. Since that costs the whole stored tail, late changes are gathered
/// (up to `lateLimit`) and handed out together, so a file sorted by table rather than by time
/// re-derives the tail once per pile instead of once per batch.
struct ReorderBuffer {
    private var waiting: [SourceChange] = []
    private var late: [SourceChange] = []
    /// The latest order handed out (or already recorded).
    private var end: ChangeOrder?
    let lateLimit: Int

    init(recordingEnd: ChangeOrder?, lateLimit: Int) {
        end = recordingEnd
        self.lateLimit = max(1, lateLimit)
    }

    var count: Int { waiting.count + late.count }

    /// Takes `changes` over (leaving it empty): the few waiting changes join the batch rather
    /// than the batch being copied behind them.
    mutating func add(_ changes: inout [SourceChange]) {
        changes.append(contentsOf: waiting)
        waiting = []
        swap(&waiting, &changes)
    }

    /// Takes out the changes to write now, in no particular order (the writer sorts them).
    mutating func release(_ bound: ReleaseBound) -> [SourceChange] {
        var ready = take(bound)
        if case .everything = bound {
            ready.append(contentsOf: late)
            late = []
            return ready
        }
        guard !ready.isEmpty else { return [] }
        var lowest = ChangeOrder(ready[0]), highest = lowest
        for c in ready.dropFirst() {
            let o = ChangeOrder(c)
            if o < lowest { lowest = o }
            if highest < o { highest = o }
        }
        let isLate = end.map { lowest < $0 } ?? false
        if end.map({ $0 < highest }) ?? true { end = highest }
        guard isLate || !late.isEmpty else { return ready }
        late.append(contentsOf: ready)
        guard late.count >= lateLimit else { return [] }
        defer { late = [] }
        return late
    }

    /// The waiting changes that sort before `bound`.
    private mutating func take(_ bound: ReleaseBound) -> [SourceChange] {
        switch bound {
        case .nothing:
            return []
        case .everything:
            defer { waiting = [] }
            return waiting
        case .below(let limit):
            // With one input in order, only a tail at the latest order stays: split it off
            // instead of copying everything else.
            var split = waiting.count
            while split > 0, !(ChangeOrder(waiting[split - 1]) < limit) { split -= 1 }
            if !waiting[..<split].contains(where: { !(ChangeOrder($0) < limit) }) {
                let kept = Array(waiting[split...])
                waiting.removeSubrange(split...)
                defer { waiting = kept }
                return waiting
            }
            var ready: [SourceChange] = []
            var kept: [SourceChange] = []
            ready.reserveCapacity(waiting.count)
            for c in waiting {
                if ChangeOrder(c) < limit { ready.append(c) } else { kept.append(c) }
            }
            waiting = kept
            return ready
        }
    }
}
