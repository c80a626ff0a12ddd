import Foundation
import MSRTerminal

/// `?`: every key of the key table and every command, grouped, in a box over the panes. Long
/// descriptions wrap under themselves, and the box says which lines it shows, so nothing is cut off unseen.
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

    /// Every binding with its key, in the specs' groups, then the keys of the help and of
    /// `x`, the prompt's editing keys and the commands only typed after `:`: what the help
    /// shows, before wrapping.
    static func lines() -> [(key: String, help: String, heading: Bool)] { allLines }

    private static let allLines: [(key: String, help: String, heading: Bool)] = {
        var out: [(String, String, Bool)] = []
        for group in CommandGroup.allCases {
            out.append(("", group.rawValue, true))
            for b in KeyBindings.all where b.context == .normal && b.command.name.spec.group == group {
                out.append((KeyName.display(b.key), b.help, false))
            }
        }
        out.append(("", "In the help, and after x", true))
        for b in KeyBindings.all where b.context != .normal {
            out.append((KeyName.display(b.key), "(\(b.context.rawValue)) " + b.help, false))
        }
        out.append(("", "Typing in a prompt", true))
        for e in PromptEdit.allCases {
            out.append((e.keys.first.map(KeyName.display) ?? "", e.helpWithKeys, false))
        }
        out.append(("", "Commands without a key (: then the name)", true))
        for spec in namedOnly {
            // The argument's word leads the description: `go-to` │ `TIME: go to a time …`.
            let word = spec.usage.dropFirst(spec.name.rawValue.count).trimmingCharacters(in: .whitespaces)
            out.append((spec.name.rawValue, word.isEmpty ? spec.help : word + ": " + spec.help, false))
        }
        return out
    }()

    /// The commands no key of the panes runs: typed after `:` or written in a script.
    static var namedOnly: [CommandSpec] {
        CommandName.allCases.map(\.spec).filter { !$0.keys.contains { $0.context == .normal } }
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
