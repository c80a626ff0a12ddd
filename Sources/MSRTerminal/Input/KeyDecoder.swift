/// Maps what ncurses reports for a key to a `KeyPress`: pure functions, so every mapping is
/// tested without a terminal.
///
/// `wget_wch` reports either a character (`OK`) or a key code (`KEY_CODE_YES`). Key codes are
/// mapped by their name (`keyname`), not their number: standard keys are named `KEY_LEFT`,
/// `KEY_SLEFT`, `KEY_F(5)`; modified keys that terminfo describes only as extended
/// capabilities get numbers assigned at run time and names such as `kLFT5` (Ctrl+←),
/// `kUP` (Shift+↑) or `kHOM6` (Ctrl+Shift+Home), whose digit is xterm's modifier parameter.
public enum KeyDecoder {
    /// The key for a character code read from the terminal; nil for one that is no key.
    public static func keyPress(forCharacter value: UInt32) -> KeyPress? {
        switch value {
        case 9: return KeyPress(.tab)
        case 10, 13: return KeyPress(.enter)
        case 27: return KeyPress(.escape)
        case 8, 127: return KeyPress(.backspace)
        case 0: return .control(" ")
        case 1 ... 26:
            return Unicode.Scalar(value + 96).map { .control(Character($0)) }
        case 28 ... 31:
            return Unicode.Scalar(value + 64).map { .control(Character($0)) }
        default:
            return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// The key for a key code, given the name `keyname` returns for it; nil for codes that
    /// are not keys (`KEY_MOUSE`, `KEY_RESIZE`) or not known.
    public static func keyPress(forKeyName name: String) -> KeyPress? {
        if let key = standardKeys[name] { return key }
        if name.hasPrefix("KEY_F("), name.hasSuffix(")"),
           let number = Int(name.dropFirst("KEY_F(".count).dropLast()), number > 0 {
            return KeyPress(.function(number))
        }
        return extendedKey(name)
    }

    /// The xterm escape sequence for `key` with `modifiers` (`ESC [ 1 ; 5 D` for Ctrl+←), for
    /// the modifiable keys; nil for others. Used to teach ncurses sequences a terminal sends
    /// but its terminfo entry lacks.
    public static func xtermSequence(for key: Key, modifiers: KeyModifiers) -> String? {
        let parameter = Int(modifiers.rawValue) + 1
        guard parameter >= 2 else { return nil }
        switch key {
        case .up: return "\u{1B}[1;\(parameter)A"
        case .down: return "\u{1B}[1;\(parameter)B"
        case .right: return "\u{1B}[1;\(parameter)C"
        case .left: return "\u{1B}[1;\(parameter)D"
        case .home: return "\u{1B}[1;\(parameter)H"
        case .end: return "\u{1B}[1;\(parameter)F"
        case .pageUp: return "\u{1B}[5;\(parameter)~"
        case .pageDown: return "\u{1B}[6;\(parameter)~"
        case .delete: return "\u{1B}[3;\(parameter)~"
        default: return nil
        }
    }

    /// The keys xterm sends with modifiers, the ones `xtermSequence` knows.
    public static let modifiableKeys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .delete]

    private static let standardKeys: [String: KeyPress] = [
        "KEY_UP": KeyPress(.up), "KEY_DOWN": KeyPress(.down),
        "KEY_LEFT": KeyPress(.left), "KEY_RIGHT": KeyPress(.right),
        "KEY_HOME": KeyPress(.home), "KEY_END": KeyPress(.end),
        "KEY_PPAGE": KeyPress(.pageUp), "KEY_NPAGE": KeyPress(.pageDown),
        "KEY_DC": KeyPress(.delete), "KEY_IC": KeyPress(.insert),
        "KEY_BACKSPACE": KeyPress(.backspace), "KEY_ENTER": KeyPress(.enter), "KEY_BTAB": KeyPress(.backTab),
        "KEY_SR": KeyPress(.up, .shift), "KEY_SF": KeyPress(.down, .shift),
        "KEY_SLEFT": KeyPress(.left, .shift), "KEY_SRIGHT": KeyPress(.right, .shift),
        "KEY_SHOME": KeyPress(.home, .shift), "KEY_SEND": KeyPress(.end, .shift),
        "KEY_SPREVIOUS": KeyPress(.pageUp, .shift), "KEY_SNEXT": KeyPress(.pageDown, .shift),
        "KEY_SDC": KeyPress(.delete, .shift), "KEY_SIC": KeyPress(.insert, .shift),
        // The keypad's corners, and the VT220 names some terminals send for Home and End.
        "KEY_A1": KeyPress(.home), "KEY_A3": KeyPress(.pageUp),
        "KEY_C1": KeyPress(.end), "KEY_C3": KeyPress(.pageDown),
        "KEY_FIND": KeyPress(.home), "KEY_SELECT": KeyPress(.end),
    ]

    /// Extended terminfo names: `k` + key + optional xterm modifier digit.
    private static let extendedBases: [String: Key] = [
        "UP": .up, "DN": .down, "LFT": .left, "RIT": .right, "HOM": .home, "END": .end,
        "PRV": .pageUp, "NXT": .pageDown, "DC": .delete, "IC": .insert,
    ]

    private static func extendedKey(_ name: String) -> KeyPress? {
        guard name.hasPrefix("k") else { return nil }
        var base = name.dropFirst()
        var modifiers: KeyModifiers = .shift
        if let last = base.last, let digit = last.wholeNumberValue {
            guard let parsed = KeyModifiers(xtermParameter: digit) else { return nil }
            modifiers = parsed
            base = base.dropLast()
        }
        guard let key = extendedBases[String(base)] else { return nil }
        return KeyPress(key, modifiers)
    }
}
