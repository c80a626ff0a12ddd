import MSRTerminal

/// `?`: every key of the current context, from the key table, in a box over the panes.
struct HelpOverlay {
    let app: ConsoleApp
    let theme: Theme

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

    func draw(into buffer: inout ScreenBuffer, area: Rect) {
        let width = min(area.width - 2, 84), height = area.height - 2
        guard width > 20, height > 4 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
        buffer.fill(box, style: theme[.help])
        buffer.drawBox(box, style: theme[.paneBorderFocused], characters: .rounded)
        _ = buffer.put(" keys — ? or Esc closes, ↑↓ scroll ", x: box.x + 2, y: box.y, style: theme[.paneTitle])
        let all = Self.lines()
        let rows = height - 2
        let scroll = min(app.helpScroll, max(0, all.count - rows))
        for (i, line) in all.dropFirst(scroll).prefix(rows).enumerated() {
            let y = box.y + 1 + i
            if line.heading {
                _ = buffer.put(line.help, x: box.x + 2, y: y, style: theme[.headerAccent], maxWidth: width - 4)
            } else {
                _ = buffer.put(DisplayWidth.fit(line.key, width: 18), x: box.x + 3, y: y, style: theme[.helpKey])
                _ = buffer.put(line.help, x: box.x + 22, y: y, style: theme[.help], maxWidth: width - 24)
            }
        }
    }
}
