import MSRModel
import MSRStore

/// Where a pane's playhead is and where it is heading: what a `TableFeed` prefetches for.
public struct FeedPlan: Sendable, Hashable {
    public var seq: Int64
    public var time: Timestamp
    public var speed: PlaybackSpeed
    public var direction: PlayDirection
    public var isPlaying: Bool
    /// Wall seconds between render ticks.
    public var tickInterval: Double

    public init(seq: Int64, time: Timestamp, speed: PlaybackSpeed, direction: PlayDirection,
                isPlaying: Bool, tickInterval: Double = 1.0 / 30) {
        self.seq = seq
        self.time = time
        self.speed = speed
        self.direction = direction
        self.isPlaying = isPlaying
        self.tickInterval = tickInterval
    }

    public init(_ playhead: Playhead, seq: Int64? = nil, tickInterval: Double = 1.0 / 30) {
        self.init(seq: seq ?? playhead.seq, time: playhead.time, speed: playhead.speed,
                  direction: playhead.direction, isPlaying: playhead.isPlaying, tickInterval: tickInterval)
    }

    /// The positions the playhead will reach over the next `count` ticks, from `timeline`.
    func upcoming(_ count: Int, timeline: Timeline) throws(RecordingError) -> [Int64] {
        guard isPlaying else {
            // Paused: the neighbours a step either way will want.
            return [seq + 1, seq - 1].filter { $0 >= 0 && $0 <= timeline.lastSeq }
        }
        var out: [Int64] = []
        for k in 1...max(1, count) {
            let next: Int64
            switch speed {
            case .max:
                next = seq + Int64(k) * PlaybackSpeed.eventsPerTickAtMax * (direction == .forward ? 1 : -1)
            case .rate(let r):
                let t = time + Int64((Double(k) * tickInterval * r * 1_000_000 * direction.sign).rounded())
                next = try timeline.seq(atOrBefore: t)
            }
            let clamped = min(max(0, next), timeline.lastSeq)
            if out.last != clamped && clamped != seq { out.append(clamped) }
            if clamped == 0 || clamped == timeline.lastSeq { break }
        }
        return out
    }
}
