/// How many colours the terminal can show, which decides how a theme's styles are adapted.
public enum ColorSupport: Int, Comparable, Hashable, Sendable, CustomStringConvertible {
    /// No colours: a monochrome terminal, or NO_COLOR is set. Attributes only.
    case none
    /// The 8 basic ANSI colours.
    case ansi8
    /// The 16 ANSI colours (8 normal, 8 bright).
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256

    /// The support of a terminal reporting `colorCount` colours (curses' `COLORS`).
    public init(colorCount: Int) {
        switch colorCount {
        case 256...: self = .indexed256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .none
        }
    }

    /// The support to use: `.none` when NO_COLOR is set to anything non-empty
    /// (https://no-color.org), otherwise what the terminal reports.
    public static func detect(colorCount: Int, environment: [String: String]) -> ColorSupport {
        if isNoColorRequested(environment) { return .none }
        return ColorSupport(colorCount: colorCount)
    }

    /// Whether the NO_COLOR convention asks for no colour: the variable is set and not empty.
    public static func isNoColorRequested(_ environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    public static func < (lhs: ColorSupport, rhs: ColorSupport) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .none: return "no colours"
        case .ansi8: return "8 colours"
        case .ansi16: return "16 colours"
        case .indexed256: return "256 colours"
        }
    }
}
