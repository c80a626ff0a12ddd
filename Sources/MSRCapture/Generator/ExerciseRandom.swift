/// The exercise generator's pseudo-random source: xoshiro256** seeded through SplitMix64.
///
/// The generator promises byte-identical output for a seed on every platform and Swift
/// version, so it cannot lean on `SystemRandomNumberGenerator` (not seedable) or on the
/// standard library's `random(in:using:)` (its algorithm is not part of any contract). Every
/// draw the generator makes goes through the few helpers below.
struct ExerciseRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var state = seed
        s0 = ExerciseRandom.splitMix(&state)
        s1 = ExerciseRandom.splitMix(&state)
        s2 = ExerciseRandom.splitMix(&state)
        s3 = ExerciseRandom.splitMix(&state)
    }

    /// SplitMix64, which spreads any seed (even 0) over the whole xoshiro state.
    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A generator for an independent stream, so that one part of the simulation (the clock,
    /// say) can draw without shifting the draws of another.
    mutating func fork() -> ExerciseRandom {
        ExerciseRandom(seed: next())
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the tiny bias is harmless
    /// here and keeps the draw branch-free).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `0..<1` from the top 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `lower..<upper`.
    mutating func double(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}
