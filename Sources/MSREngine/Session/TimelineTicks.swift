import MSRModel

/// One tick under the timeline: where it is, the moment it marks, and its label if drawn.
public struct TimelineTick: Hashable, Sendable {
    public let column: Int
    public let time: Timestamp
    /// Nil where the label would not fit before the strip's end.
    public let label: String?
}

/// Tick marks for a timeline strip at a readable step, labelled as times of day in a zone.
///
/// The step is the smallest of 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6,
/// 12 h, 1, 2, 7 days (then whole weeks) that leaves every label a column of space before the
/// next; ticks fall on whole multiples of the step in local time (whole hours, midnights).
/// Labels are `HH:MM:SS` under a minute's step, `HH:MM` under a day's, else `MM-DD`. A label
/// starts at its tick; none overlaps another or runs past the strip.
public struct TimelineTicks: Hashable, Sendable {
    /// The readable steps, in seconds.
    public static let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                        3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800]

    /// Microseconds between ticks.
    public let step: Int64
    public let ticks: [TimelineTick]

    public init(scale: TimelineScale, zone: TimeZoneSetting = .utc) {
        let span = max(1, scale.end - scale.start)
        let columns = Double(max(1, scale.width - 1))
        // Rounding columns may bring two ticks one column closer: two columns of slack.
        func fits(_ micros: Int64) -> Bool {
            Double(micros) / Double(span) * columns >= Double(TimelineTicks.labelWidth(step: micros) + 2)
        }
        var chosen = TimelineTicks.steps.map { $0 * 1_000_000 }.first(where: fits)
        if chosen == nil {
            let week: Int64 = 604_800_000_000
            var weeks: Int64 = 2
            // Bounded so the step cannot overflow, whatever times the recording holds.
            while !fits(weeks * week) && weeks < Int64.max / (4 * week) { weeks *= 2 }
            chosen = weeks * week
        }
        let step = chosen ?? span
        self.step = step
        self.ticks = TimelineTicks.place(step: step, scale: scale, zone: zone)
    }

    /// The columns a label of this step takes.
    static func labelWidth(step: Int64) -> Int { step < 60_000_000 ? 8 : 5 }

    static func label(_ time: Timestamp, step: Int64, zone: TimeZoneSetting) -> String {
        if step >= 86_400_000_000 { return time.monthDay(in: zone) }
        return time.timeOfDay(in: zone, seconds: step < 60_000_000)
    }

    private static func place(step: Int64, scale: TimelineScale, zone: TimeZoneSetting) -> [TimelineTick] {
        let width = labelWidth(step: step)
        let startLocal = zone.localMicros(of: scale.start)
        var local = (startLocal / step - (startLocal % step < 0 ? 1 : 0)) * step
        var out: [TimelineTick] = []
        var previous: Timestamp?
        var labelEnd = Int.min
        while true {
            let time = zone.moment(ofLocal: local)
            let (next, overflow) = local.addingReportingOverflow(step)
            if time > scale.end || overflow { break }
            local = next
            // A clock change can name one moment twice (a skipped hour) or step back.
            guard time >= scale.start, previous.map({ time > $0 }) ?? true else { continue }
            previous = time
            let column = scale.column(of: time)
            var label: String?
            if column > labelEnd && column + width <= scale.width {
                label = TimelineTicks.label(time, step: step, zone: zone)
                labelEnd = column + width
            }
            out.append(TimelineTick(column: column, time: time, label: label))
        }
        return out
    }
}
