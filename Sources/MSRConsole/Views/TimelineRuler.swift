import MSREngine
import MSRModel
import MSRTerminal

/// The timeline as a ruler, from plain values: density bars, tick marks with time-of-day
/// labels, a marker per session's playhead, bookmarks, the loop and the time under the mouse
/// or cursor. Three rows; the strip leaves a column free at either side, as `TimelineView`.
///
/// Row 0 holds the bars (one bucket per column, scaled to the largest), the loop's range and
/// the markers; row 1 the tick marks and the playheads' arrows; row 2 the labels and the
/// read-out, which takes precedence over any label it would overlap. The focused session's
/// playhead is drawn last and in the playhead's role; the others in the label's.
struct TimelineRuler {
    /// One session's playhead on the ruler.
    struct Playhead {
        var time: Timestamp
        var isFocused: Bool
    }

    /// Rows the ruler takes.
    static let height = 3

    let start: Timestamp
    let end: Timestamp
    /// Counts per bucket of equal time over the span (`ActivityBuckets`).
    let density: [Int]
    let playheads: [Playhead]
    let bookmarks: [Timestamp]
    let loop: ClosedRange<Timestamp>?
    /// The time under the mouse or at the keyboard cursor, read out under the ruler.
    let pointer: Timestamp?
    let zone: TimeZoneSetting
    let theme: Theme

    /// The strip's mapping for `area`: the same columns `TimelineView` clicks map through.
    static func scale(start: Timestamp, end: Timestamp, area: Rect) -> TimelineScale {
        TimelineScale(start: start, end: end, width: max(2, area.width - 2))
    }

    /// The time a click or hover at screen column `x` of `area` stands for.
    static func time(atColumn x: Int, area: Rect, start: Timestamp, end: Timestamp) -> Timestamp {
        scale(start: start, end: end, area: area).time(atColumn: x - area.x - 1)
    }

    func draw(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height >= Self.height, area.width >= 10 else { return }
        let scale = Self.scale(start: start, end: end, area: area)
        let x0 = area.x + 1, y = area.y
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: Self.height), style: theme[.timeline])
        drawDensity(into: &buffer, x0: x0, y: y, width: scale.width)
        let ticks = TimelineTicks(scale: scale, zone: zone)
        for tick in ticks.ticks {
            _ = buffer.put("╵", x: x0 + tick.column, y: y + 1, style: theme[.timelineLabel])
        }
        if let loop {
            let a = scale.column(of: loop.lowerBound), b = scale.column(of: loop.upperBound)
            buffer.restyle(Rect(x: x0 + a, y: y, width: b - a + 1, height: 2), style: theme[.loopRange])
        }
        let readout = pointer.map { readoutText($0, width: scale.width) }
        let readoutRange = pointer.flatMap { p in readout.map { placement(of: $0, at: scale.column(of: p), width: scale.width) } }
        for tick in ticks.ticks {
            guard let label = tick.label else { continue }
            let range = tick.column..<(tick.column + DisplayWidth.of(label))
            if let r = readoutRange, range.overlaps(r.lowerBound - 1..<r.upperBound + 1) { continue }
            _ = buffer.put(label, x: x0 + tick.column, y: y + 2, style: theme[.timelineLabel])
        }
        for mark in bookmarks {
            _ = buffer.put("▼", x: x0 + scale.column(of: mark), y: y, style: theme[.bookmark])
        }
        if let p = pointer, let readout, let r = readoutRange {
            _ = buffer.put("┆", x: x0 + scale.column(of: p), y: y + 1, style: theme[.prompt])
            _ = buffer.put(readout, x: x0 + r.lowerBound, y: y + 2, style: theme[.prompt])
        }
        for head in playheads.filter({ !$0.isFocused }) + playheads.filter(\.isFocused) {
            let style = theme[head.isFocused ? .playhead : .timelineLabel]
            let x = x0 + scale.column(of: head.time)
            _ = buffer.put(head.isFocused ? "┃" : "│", x: x, y: y, style: style)
            _ = buffer.put(head.isFocused ? "▲" : "△", x: x, y: y + 1, style: style)
        }
    }

    private func drawDensity(into buffer: inout ScreenBuffer, x0: Int, y: Int, width: Int) {
        let top = max(1, density.max() ?? 1)
        for i in 0..<width {
            let bucket = density.isEmpty ? 0 : density[min(density.count - 1, i * density.count / max(1, width))]
            _ = buffer.put(String(Sparkline.block(bucket, top: top)), x: x0 + i, y: y, style: theme[.timelineActivity])
        }
    }

    /// The pointer's time of day to the millisecond, and its offset from the start where the
    /// strip is wide enough to keep most labels beside both.
    private func readoutText(_ time: Timestamp, width: Int) -> String {
        let clock = time.timeOfDay(in: zone, millis: true)
        let both = clock + " " + Timestamp.formatOffset(time - start)
        return DisplayWidth.of(both) * 2 <= width ? both : clock
    }

    /// The read-out's columns: centred on the pointer, kept inside the strip.
    private func placement(of text: String, at column: Int, width: Int) -> Range<Int> {
        let w = DisplayWidth.of(text)
        let left = min(max(0, column - w / 2), max(0, width - w))
        return left..<(left + w)
    }
}
