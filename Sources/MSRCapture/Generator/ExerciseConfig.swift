import MSRModel

/// What `msr generate` should produce: how many changes, from which seed, over which stretch
/// of exercise time.
///
/// The event count sets the density, never the duration: a thousand events and ten million
/// both span the same two hours, so a small recording for a quick demo still shows every phase.
/// Entity counts grow with the event count (sub-linearly) so that a big recording also has big
/// tables, not the same few rows updated over and over.
public struct ExerciseConfig: Sendable, Hashable {
    /// Exactly this many changes are produced.
    public var events: Int = 1_000_000
    /// Same seed, same everything else: byte-identical output.
    public var seed: UInt64 = 1
    /// Commit time of the opening snapshot. Fixed by default so recordings are reproducible.
    public var start: Timestamp = ExerciseConfig.defaultStart
    /// Length of the exercise in microseconds.
    public var duration: Int64 = 2 * 3_600_000_000
    /// Units in the order of battle; nil scales with the event count (24 + √events / 4,
    /// at most 400).
    public var unitCount: Int?
    /// The most sensor tracks alive at once; nil scales with the event count (40 + 3·√events,
    /// at most 4,000).
    public var trackCapacity: Int?

    /// 2026-03-14T08:00:00Z, the morning the synthetic exercise begins.
    public static let defaultStart = Timestamp(micros: 1_773_475_200 * 1_000_000)

    public init(events: Int = 1_000_000, seed: UInt64 = 1, start: Timestamp = ExerciseConfig.defaultStart,
                duration: Int64 = 2 * 3_600_000_000, unitCount: Int? = nil, trackCapacity: Int? = nil) {
        self.events = events
        self.seed = seed
        self.start = start
        self.duration = duration
        self.unitCount = unitCount
        self.trackCapacity = trackCapacity
    }

    /// The order of battle's size after scaling; never fewer than 12 units, so both sides
    /// always have someone to shoot at.
    var resolvedUnitCount: Int {
        if let unitCount { return max(12, unitCount) }
        return min(400, 24 + Int(Double(max(events, 0)).squareRoot()) / 4)
    }

    /// The most tracks alive at once, after scaling.
    var resolvedTrackCapacity: Int {
        if let trackCapacity { return max(1, trackCapacity) }
        return min(4_000, 40 + 3 * Int(Double(max(events, 0)).squareRoot()))
    }

    /// Units present when capture starts, read by the opening snapshot; the rest arrive as
    /// reinforcements during the exercise.
    var snapshotUnitCount: Int {
        resolvedUnitCount * 7 / 10
    }

    /// How much one hit or one resupply changes a unit, so that units wear down and recover
    /// at the same pace whatever the density: a million-event recording has about a hundred
    /// times as many engagements and resupplies per unit as a ten-thousand-event one, so each
    /// must do less. About one change in twenty is an engagement; a unit should take some 25
    /// full-strength hits over the exercise.
    var effectScale: Double {
        let fighters = Double(resolvedUnitCount) * 0.9
        let engagementsPerUnit = 0.05 * Double(max(events, 1)) / fighters
        return min(1, 25 / engagementsPerUnit)
    }

    /// The exercise length, at least a second so the clock has room to place events.
    var resolvedDuration: Int64 {
        max(duration, 1_000_000)
    }
}
