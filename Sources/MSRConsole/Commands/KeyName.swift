import Foundation
import MSRTerminal

/// Names of keys as the key table writes them, made from terminal key presses and read back
/// into presses (scripts name keys: `key shift-right`).
public enum KeyName {
    /// `space`, `left`, `shift-left`, `ctrl-shift-right`, `alt-left`, `tab`, `backtab`, `?`, `N`.
    public static func of(_ press: KeyPress) -> String {
        var base: String
        switch press.key {
        case .character(" "): base = "space"
        case .character(let c): base = String(c)
        case .tab: base = press.modifiers.contains(.shift) ? "backtab" : "tab"
        case .backTab: base = "backtab"
        case .function(let n): base = "f\(n)"
        default: base = names.first { $0.value == press.key }?.key ?? "?"
        }
        if case .character = press.key { return press.modifiers.contains(.control) ? "ctrl-" + base : base }
        if base == "backtab" || base == "tab" { return base }
        var prefix = ""
        if press.modifiers.contains(.control) { prefix += "ctrl-" }
        if press.modifiers.contains(.alt) { prefix += "alt-" }
        if press.modifiers.contains(.shift) { prefix += "shift-" }
        return prefix + base
    }

    /// The key press a name stands for (`shift-right`, `ctrl-c`, `space`, `f5`, `?`); nil for
    /// a name that is no key, so a script with a typo fails when it is read, not silently.
    public static func press(named name: String) -> KeyPress? {
        var modifiers: KeyModifiers = []
        var rest = Substring(name)
        let prefixes: [(String, KeyModifiers)] = [("ctrl-", .control), ("alt-", .alt), ("shift-", .shift)]
        while rest.count > 1, let (p, m) = prefixes.first(where: { rest.hasPrefix($0.0) }) {
            modifiers.insert(m)
            rest = rest.dropFirst(p.count)
        }
        let base = String(rest)
        if base.count == 1, let c = base.first {
            // A shifted letter arrives as the capital letter, never with Shift.
            return modifiers.contains(.shift) ? nil : KeyPress(.character(c), modifiers)
        }
        if base == "space" { return KeyPress(.character(" "), modifiers) }
        if base == "backtab" { return modifiers.isEmpty ? KeyPress(.backTab) : nil }
        if base.hasPrefix("f"), let n = Int(base.dropFirst()), n > 0, n < 64 { return KeyPress(.function(n), modifiers) }
        guard let key = names[base] else { return nil }
        return KeyPress(key, modifiers)
    }

    /// Named keys other than characters and function keys.
    private static let names: [String: Key] = [
        "enter": .enter, "esc": .escape, "tab": .tab, "backspace": .backspace, "delete": .delete,
        "insert": .insert, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home,
        "end": .end, "pageup": .pageUp, "pagedown": .pageDown,
    ]

    /// How the help and the hint line show a key: arrows as arrows, `shift-tab`, `PgUp`.
    public static func display(_ name: String) -> String {
        switch name {
        case "pageup": return "PgUp"
        case "pagedown": return "PgDn"
        case "backtab": return "shift-tab"
        default:
            return name.replacingOccurrences(of: "left", with: "←").replacingOccurrences(of: "right", with: "→")
                .replacingOccurrences(of: "up", with: "↑").replacingOccurrences(of: "down", with: "↓")
        }
    }
}
