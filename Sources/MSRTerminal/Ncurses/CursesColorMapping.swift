/// A style in curses terms: colour numbers (-1 the terminal default) and attributes.
struct CursesStyle: Hashable, Sendable {
    var foreground: Int
    var background: Int
    var attributes: Attributes
}

/// Expresses a `Style` in curses numbers for a terminal with `support` colours, after
/// `Style.adapted(to:)` (nearest colours, bright as bold on 8 colours, attributes only without
/// colour), so any style, themed or not, shows something sensible.
enum CursesColorMapping {
    static func resolve(_ style: Style, support: ColorSupport) -> CursesStyle {
        let adapted = style.adapted(to: support)
        return CursesStyle(
            foreground: adapted.foreground?.paletteIndex ?? -1,
            background: adapted.background?.paletteIndex ?? -1,
            attributes: adapted.attributes
        )
    }
}
