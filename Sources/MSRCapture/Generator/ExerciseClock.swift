/// Places the generator's events in exercise time, following a rate profile.
///
/// The profile is the phases' base rate times a slowly varying noise, plus a handful of short
/// engagement bursts; it is sampled in fixed bins and integrated once. Event `i` of `n` then
/// lands where the integral reaches `(i + u) / n` of the total, with `u` drawn uniformly from
/// `0..<1`. That stratified sampling gives irregular gaps yet is monotone by construction, so
/// commit times never go backwards, and the last event always falls near the end of the
/// exercise, however many events there are.
struct ExerciseClock: Sendable {
    /// Bins the profile is sampled in; 7,200 gives one-second bins over two hours.
    static let binCount = 7_200

    let duration: Int64
    let events: Int
    /// The engagement bursts, as fractions of the exercise duration.
    let bursts: [ClosedRange<Double>]
    /// `cumulative[b]` is the profile's integral up to the start of bin `b`.
    private let cumulative: [Double]
    /// The bin the last lookup ended in; lookups only move forward, so each costs O(1)
    /// amortised.
    private var cursor = 0
    private var random: ExerciseRandom

    init(duration: Int64, events: Int, random: ExerciseRandom) {
        self.duration = duration
        self.events = max(events, 1)
        var random = random
        let engagement = ExercisePhase.engagement
        var bursts: [(range: ClosedRange<Double>, peak: Double)] = []
        // One burst per slot of the engagement phase, so bursts stand apart on the timeline.
        let count = random.int(in: 6...9)
        let slot = (engagement.endFraction - engagement.startFraction) / Double(count)
        for k in 0..<count {
            // 25 to 80 seconds of a two-hour exercise.
            let width = random.double(25, 80) / 7_200
            let begin = engagement.startFraction + Double(k) * slot + random.double(0, slot - width)
            bursts.append((begin...(begin + width), random.double(5, 9)))
        }
        self.bursts = bursts.map(\.range).sorted { $0.lowerBound < $1.lowerBound }

        let n = ExerciseClock.binCount
        var cumulative = [Double](repeating: 0, count: n + 1)
        var noise = random.double(0.8, 1.2), nextNoise = random.double(0.8, 1.2)
        let noiseSpan = 90
        for b in 0..<n {
            if b % noiseSpan == 0 { noise = nextNoise; nextNoise = random.double(0.8, 1.2) }
            let along = Double(b % noiseSpan) / Double(noiseSpan)
            let f = (Double(b) + 0.5) / Double(n)
            let base = ExercisePhase.baseRate(at: f)
            var rate = base * (noise + (nextNoise - noise) * along)
            for burst in bursts where burst.range.contains(f) {
                // A tent: the burst builds up to `peak` times the base rate and dies down again.
                let mid = (burst.range.lowerBound + burst.range.upperBound) / 2
                let half = (burst.range.upperBound - burst.range.lowerBound) / 2
                rate += base * burst.peak * (1 - abs(f - mid) / half)
            }
            cumulative[b + 1] = cumulative[b] + rate
        }
        self.cumulative = cumulative
        self.random = random
    }

    /// The offset (µs from the start) of event number `index`, counted from zero. Calls must
    /// come with non-decreasing indexes.
    mutating func offset(forEvent index: Int) -> Int64 {
        let n = ExerciseClock.binCount
        let total = cumulative[n]
        let target = min((Double(index) + random.unit()) / Double(events), 1) * total
        while cursor < n - 1 && cumulative[cursor + 1] < target { cursor += 1 }
        let low = cumulative[cursor], high = cumulative[cursor + 1]
        let within = high > low ? min(max((target - low) / (high - low), 0), 1) : 0
        let micros = (Double(cursor) + within) / Double(n) * Double(duration)
        return min(Int64(micros), duration - 1)
    }

    /// Whether an offset falls inside one of the engagement bursts.
    func inBurst(atOffset offset: Int64) -> Bool {
        let f = Double(offset) / Double(duration)
        for burst in bursts {
            if burst.lowerBound > f { return false }
            if burst.contains(f) { return true }
        }
        return false
    }

    /// The phase an offset falls in.
    func phase(atOffset offset: Int64) -> ExercisePhase {
        ExercisePhase.at(fraction: Double(offset) / Double(duration))
    }
}
