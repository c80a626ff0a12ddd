/// How a cell looks: foreground and background colour and attributes.
///
/// A colour left `nil` is transparent: drawing with it keeps the colour already in the cell,
/// so text drawn over a filled row (a selection, a pane background) keeps that background.
/// Attributes add to those already there. On screen, a `nil` colour is the terminal default.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: Color?
    public var background: Color?
    public var attributes: Attributes

    public init(foreground: Color? = nil, background: Color? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// No colours, no attributes: the terminal's default look.
    public static let plain = Style()

    /// The style a style string describes, such as `"bold 214 on 235"`; see `StyleParser`.
    public init(parsing text: String) throws(StyleParseError) {
        self = try StyleParser.parse(text)
    }

    /// This style drawn over `base`: colours this style leaves nil come from `base`, and the
    /// attributes of both apply.
    public func layered(over base: Style) -> Style {
        Style(
            foreground: foreground ?? base.foreground,
            background: background ?? base.background,
            attributes: attributes.union(base.attributes)
        )
    }

    /// The same style with these attributes added.
    public func adding(_ more: Attributes) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes.union(more))
    }

    /// The style with colours a terminal with `support` cannot show replaced by the nearest
    /// it can; with `.none`, only the attributes remain. On 8 colours a bright foreground
    /// becomes its normal colour in bold, which is how such terminals have always shown it.
    public func adapted(to support: ColorSupport) -> Style {
        var result = Style(attributes: attributes)
        guard support != .none else { return result }
        if support == .ansi8, case .ansi(let color)? = foreground?.adapted(to: .ansi16), color.isBright {
            result.foreground = .ansi(color.normal)
            result.attributes.insert(.bold)
        } else {
            result.foreground = foreground.flatMap { $0.adapted(to: support) }
        }
        result.background = background.flatMap { $0.adapted(to: support) }
        return result
    }

    /// The style string for this style (`"bold 214 on 235"`); parsing it gives the style back.
    public var description: String {
        var words: [String] = []
        if !attributes.isEmpty { words.append(attributes.description) }
        if let foreground { words.append(foreground.description) }
        if let background { words.append("on \(background)") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }
}
