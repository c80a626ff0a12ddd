/// A style in curses terms: colour numbers (-1 the terminal default) and attributes.
struct CursesStyle: Hashable, Sendable {
    var foreground: Int
    var background: Int
    var attributes: Attributes
}

/// Expresses a `Style` with the colours a terminal has, so every theme shows something
/// sensible on 256, 16, 8 or no colours: 256-colour indices become the nearest of the 16 or
/// 8, a bright foreground on an 8-colour terminal becomes its normal colour in bold (as
/// terminals traditionally show it), and without colours only the attributes remain.
enum CursesColorMapping {
    static func resolve(_ style: Style, support: ColorSupport) -> CursesStyle {
        var result = CursesStyle(foreground: -1, background: -1, attributes: style.attributes)
        guard support != .none else { return result }
        if let foreground = style.foreground {
            result.foreground = number(foreground, support: support, brightAsBold: &result.attributes)
        }
        if let background = style.background {
            var ignored: Attributes = []
            result.background = number(background, support: support, brightAsBold: &ignored)
        }
        return result
    }

    private static func number(_ color: Color, support: ColorSupport, brightAsBold: inout Attributes) -> Int {
        switch support {
        case .none:
            return -1
        case .indexed256:
            return color.paletteIndex ?? -1
        case .ansi16:
            return color.adapted(to: .ansi16)?.paletteIndex ?? -1
        case .ansi8:
            guard case .ansi(let ansi)? = color.adapted(to: .ansi16) else { return -1 }
            if ansi.isBright { brightAsBold.insert(.bold) }
            return ansi.normal.rawValue
        }
    }
}
