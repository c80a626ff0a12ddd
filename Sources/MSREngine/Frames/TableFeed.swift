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
///
/// A recording being written may have its tail rewritten under the feed (late events
/// re-derived: events renumbered, keyframes and their pages replaced). The feed reads the
/// history revision before and after each frame; when it moved, or a frame's lazily read page
/// was gone by a rewrite, the feed drops its frames and keyframe trees and reads the recording
/// again as it is now (`RecordingError.historyRewritten` is never its `error`). Only damage
/// is reported.
public final class TableFeed: @unchecked Sendable {
    // Safety: all mutable state is guarded by `lock`; the worker's connection, revision,
    // timeline and cursor are only used on `queue` (TableFeed+Worker.swift).
    public let table: TableSchema
    let openStore: @Sendable () throws(RecordingError) -> RecordingStore
    let queue: DispatchQueue
    let notifyQueue: DispatchQueue
    let lock = NSLock()
    var cache: [Int64: TableFrame] = [:]
    var plan: FeedPlan?
    var generation = 0
    /// The last generation whose plan the worker finished: asking again for the same plan
    /// needs no new pass (a paused console asks every poll).
    var finishedGeneration = -1
    var working = false
    var lastServed: Int64?
    /// The positions the worker last prefetched for, nearest first.
    var targets: [Int64] = []
    var worker: (timeline: Timeline, cursor: TableCursor)?
    /// The worker's connection, kept when a rewrite drops the timeline and cursor.
    var connection: RecordingStore?
    /// The history revision the worker's timeline, cursor and frames were read under.
    var revision: Int64 = 0
    /// Frames read under an earlier history revision are neither kept nor served.
    var oldestRevision: Int64 = 0
    var failure: RecordingError?
    /// The worker's store's record of damage found while rows are read, on any thread.
    var damage: DamageMonitor?
    /// Frames this close (in events) are reached event by event, so their changes are known;
    /// farther ones jump from a keyframe and carry no changes.
    static let walkLimit: Int64 = 50_000
    static let minimumWalk: Int64 = 2_000
    /// Jumps between states of at most this many rows (together) are compared for changes.
    static let diffLimit = 40_000
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
        dropRewrittenFrames()
        if plan != newPlan {
            plan = newPlan
            generation += 1
        }
        var frame = cache[newPlan.seq]
        if frame == nil, let made = derive(newPlan.seq) {
            cache[newPlan.seq] = made
            frame = made
        }
        if newPlan.isPlaying {
            servedTicks += 1
            if frame == nil {
                dryTicks += 1
                // Not ready: the latest buffered frame the playhead has passed, so the grid
                // keeps moving (as a video player drops frames) instead of freezing.
                let passed = cache.keys.filter { newPlan.direction == .forward ? $0 < newPlan.seq : $0 > newPlan.seq }
                if let nearest = newPlan.direction == .forward ? passed.max() : passed.min(),
                   let last = lastServed, newPlan.direction == .forward ? nearest > last : nearest < last {
                    frame = cache[nearest]
                }
            }
        }
        if let f = frame { lastServed = f.seq }
        if !working && generation != finishedGeneration {
            working = true
            queue.async { [weak self] in self?.work() }
        }
        return frame
    }

    /// Makes the frame at `seq` from a buffered frame on either side whose walk passed over
    /// `seq`, with the buffered events between them; nil when no such pair is buffered (or a
    /// truncate lies between, which needs the store). Called under `lock`.
    private func derive(_ seq: Int64) -> TableFrame? {
        // A frame reached by walking from `previousSeq` to its own seq, across `seq`.
        guard let walk = cache.values.first(where: { f in
            guard let p = f.previousSeq, f.walk != nil else { return false }
            return min(p, f.seq) < seq && seq < max(p, f.seq)
        }), let fromSeq = walk.previousSeq, let from = cache[fromSeq] else { return nil }
        let forward = fromSeq < seq
        // The walk's events in the order they were applied (forward) or reverted (backward):
        // the ones up to `seq` are a prefix.
        let applied = Array((walk.walk ?? []).prefix { forward ? $0.seq <= seq : $0.seq > seq })
        guard !applied.contains(where: { $0.op == .truncate }) else { return nil }
        var state = from.state
        for e in applied { forward ? state.apply(e) : state.revert(e) }
        state.seq = seq
        let changes = FrameChanges(events: applied, forward: forward, keyColumns: table.keyColumns)
        let time = forward ? (applied.last?.commitTime ?? from.time) : ((walk.walk ?? []).first { $0.seq <= seq }?.commitTime ?? walk.time)
        return TableFrame(state: state, time: time, previousSeq: fromSeq, changes: changes, walk: applied, damage: damage,
                          revision: from.revision)
    }

    /// A page of a frame (buffered or shown) was found gone by a rewrite of the history it was
    /// read under: every frame of that revision shows a history that is no more, and the
    /// worker must read the recording again. Called under `lock`.
    private func dropRewrittenFrames() {
        guard let stale = damage?.staleRevision, stale >= oldestRevision else { return }
        oldestRevision = stale + 1
        cache.removeAll()
        targets = []
        lastServed = nil
        generation += 1
    }

    /// Whether the worker has done all the latest plan asked for (no frame is being made):
    /// scripts and tests wait for it, so what they show does not depend on timing.
    public var isIdle: Bool { lock.withLock { !working } }

    /// The last error the worker met, or the damage found in the recording while its rows
    /// were read (here or wherever a frame's rows were looked at), if any: a pane shows it
    /// instead of rows that would be wrong.
    public var error: RecordingError? { lock.withLock { failure ?? damage?.error } }

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
            if error != nil { return nil }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return nil
    }
}
