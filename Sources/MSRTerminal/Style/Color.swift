/// A terminal colour: the terminal's own default, one of the 16 named ANSI colours, or an
/// index into the 256-colour xterm palette.
///
/// Themes are written against the 256-colour palette; `adapted(to:)` degrades a colour for
/// terminals with fewer colours, so views never need to know what the terminal can show.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's default foreground or background (what the user configured).
    case `default`
    /// One of the 16 ANSI colours, which users commonly re-theme in their terminal.
    case ansi(ANSIColor)
    /// An index into the xterm 256-colour palette (0–15 are the ANSI colours again).
    case indexed(UInt8)

    /// The palette index this colour shows as on a 256-colour terminal, nil for `.default`.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .ansi(let color): return color.rawValue
        case .indexed(let index): return Int(index)
        }
    }

    /// This colour as the nearest one a terminal with `support` can show; nil when it shows
    /// no colours at all.
    public func adapted(to support: ColorSupport) -> Color? {
        switch support {
        case .none:
            return nil
        case .indexed256:
            return self
        case .ansi16, .ansi8:
            guard let index = paletteIndex else { return .default }
            let limit = support == .ansi16 ? 16 : 8
            let nearest = ColorPalette.nearest(to: index, amongFirst: limit)
            return ANSIColor(rawValue: nearest).map { .ansi($0) } ?? .default
        }
    }

    /// The colour as a style string writes it: a name, an index, or `default`.
    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let color): return color.name
        case .indexed(let index): return String(index)
        }
    }
}

/// The 16 ANSI colours, numbered as the terminal numbers them (0–7 normal, 8–15 bright).
public enum ANSIColor: Int, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// Whether this is one of the bright variants (8–15).
    public var isBright: Bool { rawValue >= 8 }

    /// The normal variant of a bright colour (itself for a normal one).
    public var normal: ANSIColor { ANSIColor(rawValue: rawValue % 8) ?? self }

    /// The name used in style strings: `red`, `bright-red`.
    public var name: String {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
        return isBright ? "bright-\(base)" : base
    }

    /// The colour a style-string name stands for: `red`, `bright-red`, `brightred`,
    /// `bright_red`, and `gray`/`grey` for bright black. Case does not matter.
    public init?(name: String) {
        let word = name.lowercased()
        if word == "gray" || word == "grey" {
            self = .brightBlack
            return
        }
        var base = Substring(word)
        var bright = false
        if base.hasPrefix("bright") {
            bright = true
            base = base.dropFirst("bright".count)
            if base.first == "-" || base.first == "_" { base = base.dropFirst() }
        }
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        guard let index = names.firstIndex(of: String(base)) else { return nil }
        self.init(rawValue: index + (bright ? 8 : 0))
    }
}
