import MSRModel

/// The mapping between the columns of a timeline strip and the recording's span.
///
/// Column 0 is the start and column `width - 1` the end; the arithmetic is `Timeline`'s
/// (`fraction(of:)`, `time(atFraction:)`) step for step, so the time read out under the mouse
/// is exactly where a click on that column seeks, and a time is drawn where a click would
/// take it back.
public struct TimelineScale: Hashable, Sendable {
    public let start: Timestamp
    public let end: Timestamp
    public let width: Int

    public init(start: Timestamp, end: Timestamp, width: Int) {
        self.start = start
        self.end = max(start, end)
        self.width = max(1, width)
    }

    public init(timeline: Timeline, width: Int) {
        self.init(start: timeline.start, end: timeline.end, width: width)
    }

    /// The column a time is drawn at (times outside the span at the nearest end).
    public func column(of time: Timestamp) -> Int {
        let span = Double(max(1, end - start))
        let fraction = min(1, max(0, Double(time - start) / span))
        return min(width - 1, max(0, Int(fraction * Double(width - 1) + 0.5)))
    }

    /// The time a click on `column` seeks to.
    public func time(atColumn column: Int) -> Timestamp {
        let fraction = Double(column) / Double(max(1, width - 1))
        return start + Int64((Double(end - start) * min(1, max(0, fraction))).rounded())
    }
}
