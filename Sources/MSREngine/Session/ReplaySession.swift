import MSRModel
import MSRStore

/// One playhead over a recording: play, pause, speed, direction, stepping, seeking, an A–B
/// loop and an event breakpoint. Panes show it; several panes may share one (linked).
///
/// Main-thread object: `tick()` moves the playhead by the wall time elapsed since the last
/// tick, times the speed. Frames are made elsewhere (`TableFeed`) from the playhead.
public final class ReplaySession {
    public let id: Int
    public let timeline: Timeline
    public let clock: ReplayClock
    public private(set) var playhead: Playhead
    /// Recording time gained per wall second, smoothed: what the speed really is.
    public private(set) var achievedSpeed: Double = 0
    /// Pauses playback when an event matches (`p`).
    public var breakpoint: EventBreakpoint?
    /// Set when the breakpoint stopped playback, naming the event.
    public private(set) var breakpointHit: ChangeEvent?
    private var lastTick: Double?
    /// Set when a tick wrapped round the loop: the jump back is not playing speed.
    private var wrapped = false

    public init(id: Int, timeline: Timeline, clock: ReplayClock) {
        self.id = id
        self.timeline = timeline
        self.clock = clock
        self.playhead = Playhead(time: timeline.beforeStart, seq: 0)
    }

    // MARK: Play state

    public func play() {
        if playhead.direction == .forward && playhead.seq >= timeline.lastSeq && playhead.loop == nil { return }
        playhead.isPlaying = true
        breakpointHit = nil
        lastTick = clock.now
    }

    public func pause() {
        playhead.isPlaying = false
        achievedSpeed = 0
    }

    public func togglePlay() { playhead.isPlaying ? pause() : play() }

    public func setSpeed(_ speed: PlaybackSpeed) { playhead.speed = speed }
    public func faster() { playhead.speed = playhead.speed.faster }
    public func slower() { playhead.speed = playhead.speed.slower }
    public func reverse() { playhead.direction = playhead.direction.reversed }

    // MARK: Moving

    /// Moves to `time` (clamped to the recording), keeping the play state.
    public func seek(to time: Timestamp) throws(RecordingError) {
        let t = min(max(time, timeline.beforeStart), timeline.end)
        playhead.time = t
        playhead.seq = try timeline.seq(atOrBefore: t)
        lastTick = clock.now
    }

    /// Moves to just after event `seq`.
    public func seek(toSeq seq: Int64) throws(RecordingError) {
        let s = min(max(0, seq), timeline.lastSeq)
        playhead.seq = s
        playhead.time = try timeline.time(ofSeq: s)
        lastTick = clock.now
    }

    public func seek(fraction: Double) throws(RecordingError) { try seek(to: timeline.time(atFraction: fraction)) }

    /// Moves by `seconds` of recording time (negative goes back).
    public func jump(seconds: Double) throws(RecordingError) {
        try seek(to: playhead.time + Int64(seconds * 1_000_000))
    }

    /// One event forward or back; false at either end.
    @discardableResult
    public func step(forward: Bool) throws(RecordingError) -> Bool {
        pause()
        let target = playhead.seq + (forward ? 1 : -1)
        guard target >= 0, target <= timeline.lastSeq else { return false }
        try seek(toSeq: target)
        return true
    }

    public func setLoopStart() { playhead.loopStart = playhead.time }
    public func setLoopEnd() { playhead.loopEnd = playhead.time }
    public func clearLoop() {
        playhead.loopStart = nil
        playhead.loopEnd = nil
    }

    /// Advances a playing session by the wall time since the last tick. Returns whether the
    /// playhead moved.
    @discardableResult
    public func tick() throws(RecordingError) -> Bool {
        let now = clock.now
        defer { lastTick = now }
        guard playhead.isPlaying, let last = lastTick else { return false }
        let elapsed = max(0, now - last)
        let before = playhead
        wrapped = false
        switch playhead.speed {
        case .max:
            let forward = playhead.direction == .forward
            let bySeq = playhead.seq + PlaybackSpeed.eventsPerTickAtMax * (forward ? 1 : -1)
            // Where events are dense a fixed count of them covers little time: max is never
            // slower than the fastest rate.
            let byTime = playhead.time + Int64((elapsed * PlaybackSpeed.maxFloorRate * 1_000_000 * playhead.direction.sign).rounded())
            let seqTime = try timeline.time(ofSeq: min(max(0, bySeq), timeline.lastSeq))
            if forward ? byTime > seqTime : byTime < seqTime {
                try advance(toTime: byTime)
            } else {
                try advance(toSeq: bySeq)
            }
        case .rate(let r):
            let delta = Int64((elapsed * r * 1_000_000 * playhead.direction.sign).rounded())
            try advance(toTime: playhead.time + delta)
        }
        if elapsed > 0 && !wrapped {
            let gained = Double(abs(playhead.time - before.time)) / 1_000_000 / elapsed
            achievedSpeed = achievedSpeed == 0 ? gained : achievedSpeed * 0.8 + gained * 0.2
        }
        try checkBreakpoint(from: before.seq, to: playhead.seq)
        return playhead != before
    }

    private func advance(toTime target: Timestamp) throws(RecordingError) {
        if let loop = playhead.loop {
            if playhead.direction == .forward && target > loop.upperBound { wrapped = true; return try seek(to: loop.lowerBound) }
            if playhead.direction == .backward && target < loop.lowerBound { wrapped = true; return try seek(to: loop.upperBound) }
        }
        if target >= timeline.end && playhead.direction == .forward {
            try seek(toSeq: timeline.lastSeq)
            pause()
        } else if target <= timeline.beforeStart && playhead.direction == .backward {
            try seek(toSeq: 0)
            pause()
        } else {
            playhead.time = target
            playhead.seq = try timeline.seq(atOrBefore: target)
        }
    }

    private func advance(toSeq target: Int64) throws(RecordingError) {
        let t = try timeline.time(ofSeq: min(max(0, target), timeline.lastSeq))
        if let loop = playhead.loop, !loop.contains(t) {
            wrapped = true
            return try seek(to: playhead.direction == .forward ? loop.lowerBound : loop.upperBound)
        }
        try seek(toSeq: target)
        if (target >= timeline.lastSeq && playhead.direction == .forward) || (target <= 0 && playhead.direction == .backward) {
            pause()
        }
    }

    /// Stops at the first event between two positions that the breakpoint matches.
    private func checkBreakpoint(from old: Int64, to new: Int64) throws(RecordingError) {
        guard let bp = breakpoint, old != new else { return }
        let range = old < new ? (old + 1)...new : (new + 1)...old
        var events = try timeline.store.events(in: range, table: bp.table)
        if old > new { events.reverse() }
        guard let hit = events.first(where: bp.matches) else { return }
        try seek(toSeq: old < new ? hit.seq : hit.seq - 1)
        pause()
        breakpointHit = hit
    }
}
