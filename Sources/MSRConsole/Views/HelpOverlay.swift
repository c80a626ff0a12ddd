import MSRTerminal

/// `?`: every key of the key table, grouped, in a box over the panes. Long descriptions wrap
/// under themselves, and the box says which lines it shows, so nothing is cut off unseen.
struct HelpOverlay {
    let app: ConsoleApp
    let theme: Theme

    /// One line of the help: a group heading, or a key with (a piece of) its description.
    struct Line {
        var key: String
        var help: String
        var heading: Bool
    }

    static let maxWidth = 84
    static let keyWidth = 16

    /// Every binding with its key, in groups: what the help shows, before wrapping.
    static func lines() -> [(key: String, help: String, heading: Bool)] {
        var out: [(String, String, Bool)] = []
        let groups: [(String, [KeyBinding])] = [
            ("Playback", KeyBindings.playback), ("Moving", KeyBindings.navigation),
            ("Marks, filters, export", KeyBindings.marks), ("Panes", KeyBindings.panes),
            ("Help and speed entry", KeyBindings.help.filter { $0.context != .normal } + KeyBindings.help.filter { $0.context == .normal }),
        ]
        for (title, bindings) in groups {
            out.append(("", title, true))
            for b in bindings {
                let context = b.context == .normal ? "" : "(\(b.context.rawValue)) "
                out.append((KeyName.display(b.key), context + b.help, false))
            }
        }
        return out
    }

    /// The lines wrapped to descriptions of `width` columns.
    static func wrappedLines(helpWidth width: Int) -> [Line] {
        lines().flatMap { line -> [Line] in
            if line.heading { return [Line(key: "", help: line.help, heading: true)] }
            return TextWrap.lines(line.help, width: width).enumerated().map { i, piece in
                Line(key: i == 0 ? line.key : "", help: piece, heading: false)
            }
        }
    }

    /// The box on a screen of `size`, the width of its descriptions and how many lines fit;
    /// nil when the screen is too small for it.
    static func frame(screen size: Size) -> (box: Rect, helpWidth: Int, rows: Int)? {
        let area = ScreenView.areas(for: size).panes
        let width = min(area.width - 2, maxWidth), height = area.height - 2
        guard width > 30, height > 4 else { return nil }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
        return (box, width - keyWidth - 6, height - 2)
    }

    /// The furthest the help can scroll on a screen of `size`.
    static func maxScroll(screen size: Size) -> Int {
        guard let f = frame(screen: size) else { return 0 }
        return max(0, wrappedLines(helpWidth: f.helpWidth).count - f.rows)
    }

    func draw(into buffer: inout ScreenBuffer) {
        guard let (box, helpWidth, rows) = Self.frame(screen: buffer.size) else { return }
        buffer.fill(box, style: theme[.help])
        buffer.drawBox(box, style: theme[.paneBorderFocused].layered(over: theme[.help]), characters: .rounded)
        _ = buffer.put(" keys — ? or Esc closes, ↑↓ PgUp PgDn scroll ", x: box.x + 2, y: box.y,
                       style: theme[.paneTitleFocused].layered(over: theme[.help]), maxWidth: box.width - 4)
        let all = Self.wrappedLines(helpWidth: helpWidth)
        let scroll = min(app.helpScroll, max(0, all.count - rows))
        for (i, line) in all.dropFirst(scroll).prefix(rows).enumerated() {
            let y = box.y + 1 + i
            if line.heading {
                _ = buffer.put(line.help, x: box.x + 2, y: y, style: theme[.helpTitle], maxWidth: box.width - 4)
            } else {
                _ = buffer.put(line.key, x: box.x + 3, y: y, style: theme[.helpKey], maxWidth: Self.keyWidth)
                _ = buffer.put(line.help, x: box.x + 4 + Self.keyWidth, y: y, style: theme[.help], maxWidth: helpWidth)
            }
        }
        if all.count > rows {
            let where_ = " \(scroll + 1)–\(min(all.count, scroll + rows)) of \(all.count) "
            let x = box.maxX - 2 - DisplayWidth.of(where_)
            _ = buffer.put(where_, x: x, y: box.maxY - 1, style: theme[.paneTitle].layered(over: theme[.help]))
        }
    }
}
