/// A key on the keyboard, without modifiers: what key bindings are keyed by, with
/// `KeyModifiers` alongside in a `KeyPress`.
public enum Key: Hashable, Sendable {
    /// A character as typed, with Shift already applied (`"A"`, `"?"`, `" "`, `"é"`).
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 … F63.
    case function(Int)

    /// How the help overlay and the hint line write this key: `q`, `Space`, `←`, `PgUp`, `F5`.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift+Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }
}

/// Modifier keys held with a key. Shift is only reported for keys that are not characters:
/// a shifted letter arrives as the capital letter.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let shift = KeyModifiers(rawValue: 1 << 0)
    public static let alt = KeyModifiers(rawValue: 1 << 1)
    public static let control = KeyModifiers(rawValue: 1 << 2)

    /// The modifiers of xterm's modifier parameter (the 5 in `ESC [ 1 ; 5 D`, and the digit
    /// terminfo appends to extended key names such as `kLFT5`): 2 Shift, 3 Alt, 5 Ctrl, and
    /// their sums minus one. Nil when out of range.
    public init?(xtermParameter: Int) {
        guard (2 ... 8).contains(xtermParameter) else { return nil }
        self.init(rawValue: UInt8(xtermParameter - 1))
    }

    /// `Ctrl+Alt+Shift+`: how the modifiers prefix a key's display name.
    public var displayPrefix: String {
        (contains(.control) ? "Ctrl+" : "") + (contains(.alt) ? "Alt+" : "") + (contains(.shift) ? "Shift+" : "")
    }
}

/// A key with the modifiers held when it was pressed: one entry of a key-binding table.
public struct KeyPress: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: KeyModifiers

    public init(_ key: Key, _ modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain character key: `.character("q")`.
    public static func character(_ character: Character) -> KeyPress { KeyPress(.character(character)) }

    /// A character with Ctrl held: `.control("l")` for Ctrl-L.
    public static func control(_ character: Character) -> KeyPress { KeyPress(.character(character), .control) }

    /// The name the help overlay shows: `Ctrl+→`, `Shift+←`, `Space`, `?`.
    public var description: String { modifiers.displayPrefix + key.displayName }
}
