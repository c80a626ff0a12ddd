/// Parses style strings, the values of theme files: `"bold 214 on 235"`.
///
/// Grammar (words separated by spaces, case ignored):
///
///     style      = { attribute } [ colour ] [ "on" colour ] | "plain"
///     attribute  = "bold" | "dim" | "italic" | "underline" | "reverse"
///     colour     = name | 0-255 | "#rrggbb" | "default"
///     name       = black red green yellow blue magenta cyan white,
///                  each also as bright-NAME (brightNAME, bright_NAME); gray/grey = bright-black
///
/// Attributes may also follow the colours. A `#rrggbb` colour becomes the nearest entry of the
/// 256-colour palette. An empty string is the same as `plain`.
public enum StyleParser {
    public static func parse(_ text: String) throws(StyleParseError) -> Style {
        var style = Style()
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }[...]
        if words == ["plain"] { return style }
        while let word = words.popFirst() {
            if let attribute = Attributes(name: word) {
                style.attributes.insert(attribute)
            } else if word == "on" {
                guard let next = words.popFirst() else { throw .missingBackground }
                guard let color = try color(next) else { throw .notABackground(next) }
                if let background = style.background { throw .twoBackgrounds(background.description, next) }
                style.background = color
            } else if let color = try color(word) {
                if let foreground = style.foreground { throw .twoForegrounds(foreground.description, word) }
                if style.background != nil { throw .foregroundAfterBackground(word) }
                style.foreground = color
            } else {
                throw .unknownWord(word)
            }
        }
        return style
    }

    /// The colour a word names, nil when it is not a colour at all.
    static func color(_ word: String) throws(StyleParseError) -> Color? {
        if word == "default" { return .default }
        if let ansi = ANSIColor(name: word) { return .ansi(ansi) }
        if word.first == "#" { return try hexColor(word) }
        guard word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber) else { return nil }
        guard let index = Int(word), index <= 255 else { throw .indexOutOfRange(word) }
        return .indexed(UInt8(index))
    }

    private static func hexColor(_ word: String) throws(StyleParseError) -> Color {
        let digits = word.dropFirst()
        guard digits.count == 6, let value = Int(digits, radix: 16) else { throw .badHexColor(word) }
        let rgb = ColorPalette.RGB(red: (value >> 16) & 0xFF, green: (value >> 8) & 0xFF, blue: value & 0xFF)
        return .indexed(UInt8(ColorPalette.nearest(to: rgb)))
    }
}

/// What is wrong with a style string, said in one sentence a theme author can act on.
public enum StyleParseError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownWord(String)
    case indexOutOfRange(String)
    case badHexColor(String)
    case missingBackground
    case notABackground(String)
    case twoForegrounds(String, String)
    case twoBackgrounds(String, String)
    case foregroundAfterBackground(String)

    public var description: String {
        switch self {
        case .unknownWord(let word):
            return "'\(word)' is neither an attribute (bold, dim, italic, underline, reverse) "
                + "nor a colour (a name such as yellow or bright-blue, 0-255, #rrggbb or default)"
        case .indexOutOfRange(let word):
            return "colour index \(word) is outside the palette's 0-255"
        case .badHexColor(let word):
            return "'\(word)' is not a colour: write #rrggbb with six hex digits"
        case .missingBackground:
            return "'on' must be followed by a background colour"
        case .notABackground(let word):
            return "'on \(word)' needs a colour after 'on', not '\(word)'"
        case .twoForegrounds(let first, let second):
            return "two foreground colours ('\(first)' and '\(second)'); write 'on' before a background colour"
        case .twoBackgrounds(let first, let second):
            return "two background colours ('\(first)' and '\(second)')"
        case .foregroundAfterBackground(let word):
            return "the foreground colour '\(word)' must come before 'on' and the background"
        }
    }
}
