import MSREngine
import MSRModel
import MSRTerminal

/// The top line: recording, the focused session's time (absolute and from the start), play
/// state, direction, requested and achieved speed.
struct HeaderView {
    let app: ConsoleApp
    let theme: Theme

    func draw(into buffer: inout ScreenBuffer, y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.header])
        guard let s = app.focusedSession else { return }
        let ph = s.playhead
        let name = app.focusedPane?.recording.name ?? app.recordings.first?.name ?? ""
        let state: String
        if app.liveSessions.contains(s.id) {
            state = "● LIVE"
        } else if ph.isPlaying {
            state = ph.direction == .forward ? "▶ playing" : "◀ reverse"
        } else {
            state = ph.direction == .forward ? "⏸ paused ▸" : "⏸ paused ◂"
        }
        let achieved = ph.isPlaying ? String(format: " (%.1fx)", s.achievedSpeed) : ""
        let time = ph.seq == 0 && ph.time < s.timeline.start ? "before the first event" : ph.time.iso8601
        let offset = Timestamp.formatOffset(max(0, ph.time - s.timeline.start))
        var x = buffer.put(" msr ", x: 0, y: y, style: theme[.headerAccent])
        x = buffer.put(" \(name) ", x: x, y: y, style: theme[.header])
        x = buffer.put("│ \(time) ", x: x, y: y, style: theme[.header])
        x = buffer.put(offset + " ", x: x, y: y, style: theme[.headerAccent])
        x = buffer.put("│ \(state) ", x: x, y: y, style: theme[.header])
        x = buffer.put("\(ph.speed.label)\(achieved) ", x: x, y: y, style: theme[.headerAccent])
        var extras: [String] = []
        if let loop = ph.loop {
            extras.append("⟲ \(Timestamp.formatOffset(loop.lowerBound - s.timeline.start))–\(Timestamp.formatOffset(loop.upperBound - s.timeline.start))")
        }
        if s.breakpoint != nil { extras.append("⏺ breakpoint") }
        extras.append("event \(ph.seq)/\(s.timeline.lastSeq)")
        extras.append("S\(s.id) · \(app.activeSessionCount)/\(app.options.maxSessions) sessions")
        let right = extras.joined(separator: " │ ") + " "
        let rx = max(x + 1, width - DisplayWidth.of(right))
        _ = buffer.put(right, x: rx, y: y, style: theme[.header], maxWidth: width - rx)
    }
}
