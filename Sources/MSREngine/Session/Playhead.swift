import MSRModel

/// Which way a session plays.
public enum PlayDirection: Sendable, Hashable {
    case forward, backward

    public var reversed: PlayDirection { self == .forward ? .backward : .forward }
    public var sign: Double { self == .forward ? 1 : -1 }
}

/// Where a replay session is and how it moves: the playhead's time and the last event at or
/// before it, speed, direction, play state and an optional A–B loop.
public struct Playhead: Sendable, Hashable {
    public var time: Timestamp
    /// The last event at or before `time` (0 before the first).
    public var seq: Int64
    public var speed: PlaybackSpeed = .realTime
    public var direction: PlayDirection = .forward
    public var isPlaying = false
    public var loopStart: Timestamp?
    public var loopEnd: Timestamp?

    public init(time: Timestamp, seq: Int64) {
        self.time = time
        self.seq = seq
    }

    /// The loop range when both ends are set, in order.
    public var loop: ClosedRange<Timestamp>? {
        guard let a = loopStart, let b = loopEnd else { return nil }
        return min(a, b)...max(a, b)
    }
}
