/// Text attributes a terminal can show without colour: bold, dim, italic, underline, reverse.
///
/// They survive NO_COLOR and monochrome terminals, so they are what keeps roles apart when
/// colour is gone.
public struct Attributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let italic = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
    public static let reverse = Attributes(rawValue: 1 << 4)

    /// Every attribute with the word a style string uses for it, in the order they are written.
    public static let named: [(name: String, attribute: Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
    ]

    /// The attribute a style-string word names (`bold`, `dim`, `italic`, `underline`,
    /// `reverse`), or nil.
    public init?(name: String) {
        guard let match = Attributes.named.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match.attribute
    }

    /// The attribute words, space-separated, in the canonical order.
    public var description: String {
        Attributes.named.filter { contains($0.attribute) }.map(\.name).joined(separator: " ")
    }
}
