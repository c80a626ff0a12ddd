import MSREngine
import MSRModel
import MSRStore
import MSRTerminal

/// The scrubber along the bottom: the whole span with event density, the playhead,
/// bookmarks, the A–B loop and how far ahead frames are buffered. Two rows.
struct TimelineView {
    let app: ConsoleApp
    let theme: Theme
    let activity: [Int]
    let bookmarks: [Bookmark]

    /// The column of `time` on a strip of `width` starting at `x0`.
    static func column(of time: Timestamp, timeline: Timeline, x0: Int, width: Int) -> Int {
        x0 + min(width - 1, max(0, Int(timeline.fraction(of: time) * Double(width - 1) + 0.5)))
    }

    func draw(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height >= 2, area.width >= 10, let s = app.focusedSession else { return }
        let timeline = s.timeline
        let strip = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 2), style: theme[.timeline])
        let top = max(1, activity.max() ?? 1)
        for i in 0..<strip.width {
            let bucket = activity.isEmpty ? 0 : activity[min(activity.count - 1, i * activity.count / max(1, strip.width))]
            _ = buffer.put(String(Sparkline.block(bucket, top: top)), x: strip.x + i, y: strip.y, style: theme[.timelineActivity])
        }
        if let loop = s.playhead.loop {
            let a = Self.column(of: loop.lowerBound, timeline: timeline, x0: strip.x, width: strip.width)
            let b = Self.column(of: loop.upperBound, timeline: timeline, x0: strip.x, width: strip.width)
            buffer.restyle(Rect(x: a, y: strip.y, width: b - a + 1, height: 2), style: theme[.loopRange])
        }
        for mark in bookmarks {
            let x = Self.column(of: mark.time, timeline: timeline, x0: strip.x, width: strip.width)
            _ = buffer.put("▼", x: x, y: strip.y, style: theme[.bookmark])
        }
        // The buffer, then the span's ends over it, then the playhead over both; an end
        // label under the playhead is left out rather than cut.
        let head = Self.column(of: s.playhead.time, timeline: timeline, x0: strip.x, width: strip.width)
        if let pane = app.focusedPane, let ahead = pane.feed.bufferedAhead, let aheadTime = try? pane.recording.timeline.time(ofSeq: ahead) {
            let to = Self.column(of: aheadTime + -pane.offset, timeline: timeline, x0: strip.x, width: strip.width)
            let (a, b) = (min(head, to), max(head, to))
            if b > a { buffer.horizontalLine(x: a, y: strip.y + 1, width: b - a + 1, character: "━", style: theme[.bufferFill]) }
        }
        let start = "+00:00:00"
        let end = Timestamp.formatOffset(timeline.end - timeline.start)
        let endX = max(strip.x, strip.maxX - DisplayWidth.of(end))
        if head > strip.x + DisplayWidth.of(start) {
            _ = buffer.put(start, x: strip.x, y: strip.y + 1, style: theme[.timelineLabel])
        }
        if head < endX - 1 && endX > strip.x + DisplayWidth.of(start) + 1 {
            _ = buffer.put(end, x: endX, y: strip.y + 1, style: theme[.timelineLabel])
        }
        _ = buffer.put("┃", x: head, y: strip.y, style: theme[.playhead])
        _ = buffer.put("▲", x: head, y: strip.y + 1, style: theme[.playhead])
    }

    /// The time a click at column `x` of the strip in `area` stands for.
    static func time(atColumn x: Int, area: Rect, timeline: Timeline) -> Timestamp {
        let width = max(2, area.width - 2)
        return timeline.time(atFraction: Double(x - area.x - 1) / Double(width - 1))
    }
}
