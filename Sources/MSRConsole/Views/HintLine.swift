import Foundation
import MSRTerminal

/// The bottom line: the prompt while one is open, else the latest message, else the key
/// hints made from the key table, with `? help` kept at the right whatever the width.
struct HintLine {
    let app: ConsoleApp
    let theme: Theme

    /// A hint: keys sharing one word (`[ ] speed`).
    struct Hint: Equatable {
        var keys: [String]
        var label: String
        var text: String { keys.joined(separator: " ") + " " + label }
    }

    /// The hints of the normal context in table order, neighbours with the same word merged;
    /// the help key's hint comes last.
    static func hints() -> [Hint] {
        var out: [Hint] = []
        var help: Hint?
        for b in KeyBindings.all where b.context == .normal {
            guard let label = b.hint else { continue }
            let key = KeyName.display(b.key)
            if b.command == .help { help = Hint(keys: [key], label: label); continue }
            if var last = out.last, last.label == label {
                last.keys.append(key)
                out[out.count - 1] = last
            } else {
                out.append(Hint(keys: [key], label: label))
            }
        }
        return out + (help.map { [$0] } ?? [])
    }

    func draw(into buffer: inout ScreenBuffer, y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.hint])
        if let p = app.prompt { return drawPrompt(p, into: &buffer, y: y) }
        if let q = app.question {
            buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.prompt])
            _ = buffer.put(" " + DisplayWidth.truncate(q, toWidth: width - 2), x: 0, y: y, style: theme[.prompt].adding(.bold))
            return
        }
        if let m = app.message {
            let role: UIRole = m.isError ? .error : .status
            buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[role])
            _ = buffer.put(" " + DisplayWidth.truncate(m.text, toWidth: width - 2), x: 0, y: y, style: theme[role])
            return
        }
        var all = Self.hints()
        guard let help = all.popLast() else { return }
        let helpX = width - DisplayWidth.of(help.text) - 1
        var x = 1
        for hint in all {
            guard x + DisplayWidth.of(hint.text) + 2 <= helpX else { break }
            x = drawHint(hint, into: &buffer, x: x, y: y) + 2
        }
        _ = drawHint(help, into: &buffer, x: helpX, y: y)
    }

    private func drawHint(_ hint: Hint, into buffer: inout ScreenBuffer, x: Int, y: Int) -> Int {
        var x = x
        for (i, key) in hint.keys.enumerated() {
            x = buffer.put((i == 0 ? "" : " ") + key, x: x, y: y, style: theme[.hintKey])
        }
        return buffer.put(" " + hint.label, x: x, y: y, style: theme[.hint])
    }

    /// The label, then the line with the cursor shown as a reversed cell; a line wider than
    /// the room left scrolls so the cursor stays in view.
    private func drawPrompt(_ p: PromptState, into buffer: inout ScreenBuffer, y: Int) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.prompt])
        let label = DisplayWidth.truncate(p.label, toWidth: max(8, width / 2))
        let x0 = buffer.put(" \(label): ", x: 0, y: y, style: theme[.prompt])
        var room = max(1, width - x0 - 1)
        if !p.completions.isEmpty {
            // What Tab found, at the right, as long as the line keeps room to type.
            let list = " " + p.completions.joined(separator: " · ") + " "
            let w = min(DisplayWidth.of(list), max(0, width - x0 - 12))
            if w > 4 {
                _ = buffer.put(DisplayWidth.truncate(list, toWidth: w), x: width - w, y: y, style: theme[.hint])
                room = max(1, room - w)
            }
        }
        let chars = Array(p.text)
        // The first character shown: far enough right that the cursor cell fits. Walked back
        // from the cursor, so a long line costs its visible part, not its length squared.
        var first = min(p.cursor, chars.count), used = 1
        while first > 0 {
            let w = max(1, DisplayWidth.of(String(chars[first - 1])))
            guard used + w <= room else { break }
            used += w
            first -= 1
        }
        var x = x0
        for i in first...chars.count {
            let c = i < chars.count ? String(chars[i]) : " "
            let w = max(1, DisplayWidth.of(c))
            guard x + w <= x0 + room else { break }
            var style = theme[.prompt].adding(.bold)
            if i == p.cursor { style = style.adding(.reverse) }
            x = buffer.put(c, x: x, y: y, style: style)
        }
    }
}
