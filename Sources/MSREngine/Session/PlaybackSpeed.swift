import Foundation

/// How fast a session plays: a multiple of real time, or as fast as frames can be made.
public enum PlaybackSpeed: Hashable, Sendable {
    case rate(Double)
    /// No pacing: each tick moves a fixed number of events.
    case max

    /// The speeds `[` and `]` step through.
    public static let ladder: [PlaybackSpeed] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1000].map { .rate($0) } + [.max]

    /// Events a tick moves at `max`.
    public static let eventsPerTickAtMax: Int64 = 2500
    /// The rate max never falls below, however sparse the events: the ladder's fastest.
    public static let maxFloorRate = 1000.0

    public static let realTime = PlaybackSpeed.rate(1)

    /// The next speed up the ladder (from any rate, the first ladder step above it).
    public var faster: PlaybackSpeed {
        guard case .rate(let r) = self else { return .max }
        return Self.ladder.first { if case .rate(let x) = $0 { return x > r * 1.0001 } else { return true } } ?? .max
    }

    /// The next speed down the ladder.
    public var slower: PlaybackSpeed {
        guard case .rate(let r) = self else { return .rate(1000) }
        return Self.ladder.reversed().first { if case .rate(let x) = $0 { return x < r * 0.9999 } else { return false } } ?? .rate(0.1)
    }

    /// `1x`, `0.25x`, `1000x`, `max`.
    public var label: String {
        switch self {
        case .max: return "max"
        case .rate(let r):
            if r == r.rounded() { return "\(Int(r))x" }
            var s = String(r)
            while s.hasSuffix("0") { s.removeLast() }
            return s + "x"
        }
    }

    /// A speed typed by the user: `60`, `2.5`, `0.1`, `max`; nil for anything else.
    public init?(typed text: String) {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "max" { self = .max; return }
        if t.hasSuffix("x") { t.removeLast() }
        guard let r = Double(t), r > 0, r <= 1_000_000, r.isFinite else { return nil }
        self = .rate(r)
    }
}
