import MSRModel

/// Decoded changes waiting until no unread input can sort before them (see `ReleaseBound`).
///
/// With one input in commit order it holds only the changes at the latest commit time and
/// position; with several inputs, about a batch of each input ahead of the slowest. A change
/// that arrives after later ones were written anyway (an input out of order by itself) is
/// still recorded in its place: the writer re-derives the stored events after it.
struct ReorderBuffer {
    private var waiting: [SourceChange] = []

    var count: Int { waiting.count }

    /// Takes `changes` over (leaving it empty): the few waiting changes join the batch rather
    /// than the batch being copied behind them.
    mutating func add(_ changes: inout [SourceChange]) {
        changes.append(contentsOf: waiting)
        waiting = []
        swap(&waiting, &changes)
    }

    /// Takes out the changes that may be written now, in no particular order (the writer
    /// sorts them).
    mutating func release(_ bound: ReleaseBound) -> [SourceChange] {
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
