/// A style for every UI role, for 256-colour terminals and for 8/16-colour ones.
///
/// Views ask `theme[.role]`; the console adapts the theme once to the terminal
/// (`adapted(to: terminal.colorSupport)`), which picks the 256-colour styles, the 8/16-colour
/// fallbacks, or, without colour (NO_COLOR, monochrome terminals), attributes only: the
/// theme's own together with the monochrome theme's for the same role.
public struct Theme: Hashable, Sendable {
    public let name: String
    /// Where the theme came from: a file path, or "built-in".
    public let source: String
    /// Styles for 256-colour terminals, every role present.
    public let styles: [UIRole: Style]
    /// Styles for 8/16-colour terminals where the theme gives them; other roles are derived
    /// from `styles` by nearest colour.
    public let fallbackStyles: [UIRole: Style]
    /// The colours the theme is adapted to, and so what `subscript` returns styles for.
    public private(set) var colorSupport: ColorSupport = .indexed256
    private var active: [UIRole: Style]

    public init(name: String, source: String, styles: [UIRole: Style], fallbackStyles: [UIRole: Style] = [:]) {
        self.name = name
        self.source = source
        self.styles = styles
        self.fallbackStyles = fallbackStyles
        active = styles
    }

    /// A theme from a parsed file; roles the file leaves out come from `base`.
    public init(file: ThemeFile, name: String, source: String, base: Theme) {
        var fallback: [UIRole: Style] = [:]
        for role in UIRole.allCases {
            // A role the file styles takes its fallback from the file too (given or derived),
            // so a theme never mixes its look with the base's.
            if let given = file.fallback[role] {
                fallback[role] = given
            } else if file.roles[role] == nil, let inherited = base.fallbackStyles[role] {
                fallback[role] = inherited
            }
        }
        self.init(
            name: file.name ?? name, source: source,
            styles: base.styles.merging(file.roles) { _, own in own }, fallbackStyles: fallback)
    }

    /// The style of `role` for the colours the theme is adapted to.
    public subscript(role: UIRole) -> Style { active[role] ?? .plain }

    /// The style of `role` on a terminal with `support`.
    public func style(_ role: UIRole, for support: ColorSupport) -> Style {
        let full = styles[role] ?? .plain
        switch support {
        case .indexed256:
            return full
        case .ansi16, .ansi8:
            return (fallbackStyles[role] ?? full).adapted(to: support)
        case .none:
            // Attributes are all that is left. Roles told apart by colour alone (inserted,
            // updated and deleted are often all bold) also take the monochrome theme's
            // attributes, which are chosen to keep every role distinct.
            let monochrome = BuiltInThemes.monochrome.styles[role]?.attributes ?? []
            return Style(attributes: full.attributes.union(monochrome))
        }
    }

    /// The theme with every role's style chosen for a terminal with `support`.
    public func adapted(to support: ColorSupport) -> Theme {
        var theme = self
        theme.colorSupport = support
        for role in UIRole.allCases {
            theme.active[role] = style(role, for: support)
        }
        return theme
    }
}
