import Dispatch
import Foundation
import MSRModel
import MSRStore

/// Frames of one table for one pane, computed ahead of the playhead on a queue of their own.
///
/// The render loop calls `frame(for:)` each tick with the playhead's plan: it gets the frame
/// at once when the buffer holds it, and nil otherwise (it keeps showing its last frame); the
/// worker computes the requested frame first, then the frames of the coming ticks in the play
/// direction, and tells `onFrameReady` (on the notify queue) when a requested frame arrives.
/// A seek (a plan the buffer did not foresee) cancels the work and re-centres it.
public final class TableFeed: @unchecked Sendable {
    // Safety: all mutable state is guarded by `lock`; the worker's store and cursor are only
    // used on `queue`.
    public let table: TableSchema
    private let openStore: @Sendable () throws(RecordingError) -> RecordingStore
    private let queue: DispatchQueue
    private let notifyQueue: DispatchQueue
    private let lock = NSLock()
    private var cache: [Int64: TableFrame] = [:]
    private var plan: FeedPlan?
    private var generation = 0
    /// The last generation whose plan the worker finished: asking again for the same plan
    /// needs no new pass (a paused console asks every poll).
    private var finishedGeneration = -1
    private var working = false
    private var lastServed: Int64?
    /// The positions the worker last prefetched for, nearest first.
    private var targets: [Int64] = []
    private var worker: (timeline: Timeline, cursor: TableCursor)?
    private var failure: RecordingError?
    /// Frames this close (in events) are reached event by event, so their changes are known;
    /// farther ones jump from a keyframe and carry no changes.
    static let walkLimit: Int64 = 50_000
    /// How many ticks ahead to prefetch while playing.
    public var depth = 30
    /// Called on the notify queue when a frame the render loop asked for is ready.
    public var onFrameReady: (@Sendable () -> Void)?
    /// Ticks during playback when the requested frame was not ready.
    public private(set) var dryTicks = 0
    public private(set) var servedTicks = 0

    public init(table: TableSchema, openStore: @escaping @Sendable () throws(RecordingError) -> RecordingStore,
                queue: DispatchQueue? = nil, notifyQueue: DispatchQueue = .main) {
        self.table = table
        self.openStore = openStore
        self.queue = queue ?? DispatchQueue(label: "msr.feed.\(table.name.qualified)", qos: .userInitiated)
        self.notifyQueue = notifyQueue
    }

    /// The frame at the plan's position when buffered; schedules the work either way.
    public func frame(for newPlan: FeedPlan) -> TableFrame? {
        lock.lock()
        defer { lock.unlock() }
        if plan != newPlan {
            plan = newPlan
            generation += 1
        }
        let frame = cache[newPlan.seq]
        if newPlan.isPlaying {
            servedTicks += 1
            if frame == nil { dryTicks += 1 }
        }
        if frame != nil { lastServed = newPlan.seq }
        if !working && generation != finishedGeneration {
            working = true
            queue.async { [weak self] in self?.work() }
        }
        return frame
    }

    /// Whether the worker has done all the latest plan asked for (no frame is being made):
    /// scripts and tests wait for it, so what they show does not depend on timing.
    public var isIdle: Bool { lock.withLock { !working } }

    /// The last error the worker met (a damaged recording), if any.
    public var error: RecordingError? { lock.withLock { failure } }

    /// How far ahead frames are ready: the furthest of the worker's prefetch positions that
    /// is beyond the playhead in its direction with every one before it buffered. Frames left
    /// from earlier visits do not count: they are no help to the coming ticks.
    public var bufferedAhead: Int64? {
        lock.withLock {
            guard let p = plan, cache[p.seq] != nil else { return nil }
            var furthest = p.seq
            let ahead = targets.filter { p.direction == .forward ? $0 > p.seq : $0 < p.seq }
                .sorted { p.direction == .forward ? $0 < $1 : $0 > $1 }
            for t in ahead {
                guard cache[t] != nil else { break }
                furthest = t
            }
            return furthest
        }
    }

    /// The changes from the frame at `from` to `frame`, through the buffered frames between;
    /// nil when a frame in between is no longer buffered.
    public func changes(from: Int64, to frame: TableFrame) -> FrameChanges? {
        if frame.seq == from { return FrameChanges() }
        if frame.previousSeq == from { return frame.changes }
        return lock.withLock {
            var chain: [TableFrame] = [frame]
            var previous = frame.previousSeq
            while let p = previous, p != from {
                guard let f = cache[p], chain.count < 512 else { return nil }
                chain.append(f)
                previous = f.previousSeq
            }
            guard previous == from else { return nil }
            var merged = FrameChanges()
            for f in chain.reversed() { merged.merge(f.changes) }
            return merged
        }
    }

    /// Blocks until the frame at `seq` is buffered (for scripts and tests), or the timeout passes.
    public func waitForFrame(seq: Int64, timeout: Double = 10) -> TableFrame? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let f = lock.withLock({ cache[seq] }) { return f }
            if lock.withLock({ failure }) != nil { return nil }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return nil
    }
}

extension TableFeed {
    /// The worker: computes the requested frame, then the ones ahead, until the plan is met.
    private func work() {
        while true {
            let (current, gen): (FeedPlan?, Int) = lock.withLock { (plan, generation) }
            guard let p = current else {
                lock.withLock { working = false }
                return
            }
            do {
                try fill(p, generation: gen)
            } catch {
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
        if worker == nil {
            let store = try openStore()
            let cursor = TableCursor(store: store, schema: table)
            cursor.recordsMoves = true
            worker = (try Timeline(store: store), cursor)
        }
        guard let (timeline, cursor) = worker else { return }
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
            try cursor.seek(toSeq: target, walkLimit: Self.walkLimit)
            var changes = FrameChanges()
            var previousSeq: Int64?
            if let move = cursor.lastMove {
                changes = FrameChanges(events: move.events, forward: move.forward, keyColumns: table.keyColumns)
                previousSeq = from
            }
            let frame = TableFrame(state: cursor.state, time: try timeline.time(ofSeq: target),
                                   previousSeq: previousSeq, changes: changes)
            lock.withLock { cache[target] = frame }
            previous = frame
            if i == 0, let notify = onFrameReady { notifyQueue.async(execute: notify) }
        }
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
