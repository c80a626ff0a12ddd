import Foundation
import MSRTerminal

/// Names of keys as the key table writes them, made from terminal key presses.
public enum KeyName {
    /// `space`, `left`, `shift-left`, `ctrl-shift-right`, `alt-left`, `tab`, `backtab`, `?`, `N`.
    public static func of(_ press: KeyPress) -> String {
        var base: String
        switch press.key {
        case .character(" "): base = "space"
        case .character(let c): base = String(c)
        case .enter: base = "enter"
        case .escape: base = "esc"
        case .tab: base = press.modifiers.contains(.shift) ? "backtab" : "tab"
        case .backTab: base = "backtab"
        case .backspace: base = "backspace"
        case .delete: base = "delete"
        case .insert: base = "insert"
        case .up: base = "up"
        case .down: base = "down"
        case .left: base = "left"
        case .right: base = "right"
        case .home: base = "home"
        case .end: base = "end"
        case .pageUp: base = "pageup"
        case .pageDown: base = "pagedown"
        case .function(let n): base = "f\(n)"
        }
        if case .character = press.key { return press.modifiers.contains(.control) ? "ctrl-" + base : base }
        if base == "backtab" || base == "tab" { return base }
        var prefix = ""
        if press.modifiers.contains(.control) { prefix += "ctrl-" }
        if press.modifiers.contains(.alt) { prefix += "alt-" }
        if press.modifiers.contains(.shift) { prefix += "shift-" }
        return prefix + base
    }

    /// How the help shows a key: arrows as arrows.
    public static func display(_ name: String) -> String {
        name.replacingOccurrences(of: "left", with: "←").replacingOccurrences(of: "right", with: "→")
            .replacingOccurrences(of: "up", with: "↑").replacingOccurrences(of: "down", with: "↓")
            .replacingOccurrences(of: "pageup", with: "PgUp").replacingOccurrences(of: "page↑", with: "PgUp")
            .replacingOccurrences(of: "page↓", with: "PgDn")
    }
}
