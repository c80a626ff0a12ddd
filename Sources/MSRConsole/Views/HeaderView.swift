import MSREngine
import MSRModel
import MSRTerminal

/// The top line: recording, the focused session's time (absolute and from the start), play
/// state, direction, requested and achieved speed, loop, breakpoint, position and sessions.
/// On a narrow terminal the least needed fields go first, so the time, the state and the
/// speed are always there.
struct HeaderView {
    let app: ConsoleApp
    let theme: Theme

    /// One field: its text, its role, which side it sits on, and how much it matters (the
    /// lowest goes first when the line is too narrow).
    struct Field {
        var text: String
        var role: UIRole
        var right = false
        var priority: Int
    }

    func fields() -> [Field] {
        guard let s = app.focusedSession else { return [] }
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
        let time = ph.seq == 0 && ph.time < s.timeline.start ? "before the first event" : Self.clock(ph.time, steady: ph.isPlaying)
        let offset = Timestamp.formatOffset(max(0, ph.time - s.timeline.start))
        var out = [
            Field(text: " msr ", role: .headerAccent, priority: 0),
            Field(text: " \(name) ", role: .header, priority: 2),
            Field(text: "│ \(time) ", role: .header, priority: 5),
            Field(text: "\(offset) ", role: .headerAccent, priority: 10),
            Field(text: "│ \(state) ", role: .header, priority: 9),
            Field(text: "\(ph.speed.label) ", role: .headerAccent, priority: 8),
        ]
        if ph.isPlaying { out.append(Field(text: String(format: "(%.1fx) ", s.achievedSpeed), role: .header, priority: 4)) }
        if let loop = ph.loop {
            let a = Self.shortOffset(loop.lowerBound - s.timeline.start)
            let b = Self.shortOffset(loop.upperBound - s.timeline.start)
            out.append(Field(text: " ⟲ \(a)–\(b) ", role: .header, right: true, priority: 6))
        }
        if s.breakpoint != nil { out.append(Field(text: " ⏺ breakpoint ", role: .header, right: true, priority: 6)) }
        // Padded to the last event's digits, so the fields do not shift while playing.
        let last = String(s.timeline.lastSeq)
        let seq = String(repeating: " ", count: max(0, last.count - String(ph.seq).count)) + String(ph.seq)
        out.append(Field(text: " event \(seq)/\(last) ", role: .header, right: true, priority: 7))
        out.append(Field(text: " S\(s.id) · \(app.activeSessionCount)/\(app.options.maxSessions) sessions ", role: .header, right: true, priority: 3))
        return out
    }

    /// `+00:01:00`, with milliseconds only when there are some: loop ends are usually set
    /// on whole seconds, and the header has little room.
    static func shortOffset(_ micros: Int64) -> String {
        let full = Timestamp.formatOffset(micros)
        return full.hasSuffix(".000") ? String(full.dropLast(4)) : full
    }

    /// The time as ISO-8601: exact when paused (an event's own microseconds), always with
    /// three decimals while playing, so the line keeps its width from frame to frame.
    static func clock(_ t: Timestamp, steady: Bool) -> String {
        guard steady else { return t.iso8601 }
        let millis = Timestamp(micros: t.micros - ((t.micros % 1000) + 1000) % 1000).iso8601
        return millis.contains(".") ? millis : String(millis.dropLast()) + ".000Z"
    }

    func draw(into buffer: inout ScreenBuffer, y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.header])
        // The most important fields that fit, kept in their order on the line. One column
        // is kept between the left and the right fields, and "│" goes between right fields.
        func needed(_ fs: [Field]) -> Int {
            fs.reduce(0) { $0 + DisplayWidth.of($1.text) } + max(0, fs.filter(\.right).count - 1) + 1
        }
        let all = fields()
        var keep = Set<Int>()
        for i in all.indices.sorted(by: { all[$0].priority > all[$1].priority }) {
            if needed((keep.union([i])).sorted().map { all[$0] }) <= width { keep.insert(i) }
        }
        let shown = keep.sorted().map { all[$0] }
        var x = 0
        for f in shown where !f.right { x = buffer.put(f.text, x: x, y: y, style: theme[f.role], maxWidth: width - x) }
        let right = shown.filter(\.right)
        var rx = width - (needed(right) - 1)
        for (i, f) in right.enumerated() {
            if i > 0 { rx = buffer.put("│", x: rx, y: y, style: theme[.header]) }
            rx = buffer.put(f.text, x: rx, y: y, style: theme[f.role])
        }
    }
}
