import Foundation
import MSRTerminal

/// The bottom line: the prompt while one is open, else the latest message, else the key
/// hints made from the key table.
struct HintLine {
    let app: ConsoleApp
    let theme: Theme

    func draw(into buffer: inout ScreenBuffer, y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.hint])
        if let p = app.prompt {
            let x = buffer.put(" \(p.label): ", x: 0, y: y, style: theme[.prompt])
            let shown = DisplayWidth.suffix(of: p.text, width: max(1, width - x - 2))
            let end = buffer.put(shown, x: x, y: y, style: theme[.prompt].adding(.bold))
            _ = buffer.put("▏", x: end, y: y, style: theme[.prompt])
            return
        }
        if let m = app.message {
            _ = buffer.put(" " + m.text, x: 0, y: y, style: theme[m.isError ? .error : .status], maxWidth: width)
            return
        }
        var x = 1
        for b in KeyBindings.all where b.hinted && b.context == .normal {
            let key = KeyName.display(b.key)
            let label = HintLine.shortLabel(b.help)
            guard x + DisplayWidth.of(key) + DisplayWidth.of(label) + 3 < width else { break }
            x = buffer.put(key, x: x, y: y, style: theme[.hintKey])
            x = buffer.put(" " + label + "  ", x: x, y: y, style: theme[.hint])
        }
    }

    /// The first words of a help text, before any parenthesis or comma.
    static func shortLabel(_ help: String) -> String {
        let cut = help.split(whereSeparator: { $0 == "(" || $0 == "," || $0 == ":" }).first.map(String.init) ?? help
        return cut.trimmingCharacters(in: .whitespaces)
    }
}
