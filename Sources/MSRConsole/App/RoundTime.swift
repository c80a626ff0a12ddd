import MSREngine
import MSRModel

/// Where a jump to a fraction of the recording lands: the time at that fraction, rounded to a
/// unit a reviewer reads at a glance (a whole second, ten seconds, a minute…), small enough
/// that the landing is within 0.2 % of the span from the exact fraction.
enum RoundTime {
    /// Candidate units in microseconds, largest first.
    static let units: [Int64] = [3_600_000_000, 600_000_000, 300_000_000, 60_000_000, 30_000_000, 10_000_000,
                                 5_000_000, 1_000_000, 100_000, 10_000, 1000, 1]

    static func at(fraction: Double, of timeline: Timeline) -> Timestamp {
        let exact = timeline.time(atFraction: fraction)
        let span = timeline.end - timeline.start
        guard span > 0 else { return exact }
        let unit = units.first { $0 <= span / 500 } ?? 1
        let offset = exact - timeline.start
        let rounded = (offset + unit / 2) / unit * unit
        return timeline.start + min(span, max(0, rounded))
    }
}
