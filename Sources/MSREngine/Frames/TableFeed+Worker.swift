import Foundation
import MSRModel
import MSRStore

extension TableFeed {
    /// The worker: computes the requested frame, then the ones ahead, until the plan is met.
    func work() {
        while true {
            let (current, gen): (FeedPlan?, Int) = lock.withLock { (plan, generation) }
            guard let p = current else {
                lock.withLock { working = false }
                return
            }
            do {
                try fill(p, generation: gen)
            } catch {
                if case .historyRewritten = error {
                    // Not damage: the recording is read again, as it is now.
                    worker = nil
                    continue
                }
                lock.withLock {
                    failure = error
                    working = false
                }
                return
            }
            let done: Bool = lock.withLock {
                if generation == gen {
                    working = false
                    finishedGeneration = gen
                    return true
                }
                return false
            }
            if done { return }
        }
    }

    private func fill(_ p: FeedPlan, generation gen: Int) throws(RecordingError) {
        if worker == nil { try startReading() }
        guard let (timeline, cursor) = worker else { return }
        try confirmRevision(of: cursor.store)
        if p.seq > timeline.lastSeq { try timeline.refresh() }
        let targets = [p.seq] + (try p.upcoming(depth, timeline: timeline))
        lock.withLock { self.targets = targets }
        evict(keeping: targets, current: p.seq)
        var previous: TableFrame?
        for (i, target) in targets.enumerated() {
            let (cached, stale): (TableFrame?, Bool) = lock.withLock { (cache[target], generation != gen) }
            if stale && i > 0 { return }
            if let cached {
                previous = cached
                continue
            }
            if let prev = previous, cursor.state.seq != prev.seq { cursor.reset(to: prev.state) }
            let from = cursor.state.seq
            let before = previous?.seq == from ? previous?.state : nil
            // Walking costs per event, a jump from a keyframe per row: a small table that
            // changes a lot (at high speed) is cheaper to jump to and compare.
            let walkLimit = max(Self.minimumWalk, min(Self.walkLimit, Int64(cursor.state.count) * 4))
            try cursor.seek(toSeq: target, walkLimit: walkLimit)
            var changes = FrameChanges()
            var previousSeq: Int64?
            if let move = cursor.lastMove {
                changes = FrameChanges(events: move.events, forward: move.forward, keyColumns: table.keyColumns)
                previousSeq = from
            } else if let before, before.count + cursor.state.count <= Self.diffLimit {
                changes = FrameChanges(diff: TableDiff(from: before, to: cursor.state))
                previousSeq = from
            }
            // Pages the seek or the comparison read and found damaged end the work here.
            try cursor.store.damage.check()
            let time = try timeline.time(ofSeq: target)
            // The revision unchanged since the worker began reading: all this frame read
            // belongs to one history, since appends leave what came before as it was.
            try confirmRevision(of: cursor.store)
            let frame = TableFrame(state: cursor.state, time: time, previousSeq: previousSeq, changes: changes,
                                   walk: cursor.lastMove?.events, damage: cursor.store.damage, revision: revision)
            let kept: Bool = lock.withLock {
                guard revision >= oldestRevision else { return false }
                cache[target] = frame
                return true
            }
            guard kept else { throw .historyRewritten(path: cursor.store.location, revision: revision) }
            previous = frame
            if i == 0, let notify = onFrameReady { notifyQueue.async(execute: notify) }
        }
    }

    /// Opens the worker's timeline and cursor on the recording as it is now (its connection
    /// once, at the first frame).
    private func startReading() throws(RecordingError) {
        let store: RecordingStore
        if let c = connection {
            store = c
        } else {
            store = try openStore()
            connection = store
        }
        // Read first: whatever is read after it belongs to this revision or a later one, and
        // `confirmRevision` tells a later one.
        revision = try store.historyRevision()
        let timeline = try Timeline(store: store)
        let cursor = TableCursor(store: store, schema: table)
        cursor.recordsMoves = true
        let current = revision
        lock.withLock {
            damage = store.damage
            oldestRevision = max(oldestRevision, current)
            cache = cache.filter { $0.value.revision >= current }
        }
        worker = (timeline, cursor)
    }

    /// Throws `historyRewritten` when the recording's history revision is no longer the one
    /// the worker read under: its cursor, timeline and frames are then of a history since
    /// rewritten.
    private func confirmRevision(of store: RecordingStore) throws(RecordingError) {
        let now = try store.historyRevision()
        if now != revision { throw .historyRewritten(path: store.location, revision: revision) }
    }

    /// Keeps the frames of the coming ticks and a few behind (for reversing); drops the rest.
    private func evict(keeping targets: [Int64], current: Int64) {
        lock.withLock {
            let keep = Set(targets)
            let limit = depth * 3
            guard cache.count > limit else { return }
            let ordered = cache.keys.sorted { abs($0 - current) < abs($1 - current) }
            for key in ordered.dropFirst(limit) where !keep.contains(key) && key != lastServed {
                cache[key] = nil
            }
        }
    }
}
