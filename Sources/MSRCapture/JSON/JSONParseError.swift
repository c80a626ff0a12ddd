/// Why a piece of text is not JSON, and where the parser gave up.
///
/// The description is one short phrase ("unexpected character 'x' at byte 17") because it ends
/// up next to the rejected line in a report, where the reader wants the place to look.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// A byte that cannot start or continue the value the parser was reading.
        case unexpectedCharacter(UInt8)
        /// The text stopped in the middle of a value.
        case unexpectedEnd
        /// A number that does not follow JSON's grammar (`01`, `1.`, `-`, `1e`).
        case invalidNumber
        /// A backslash followed by something JSON does not define.
        case invalidEscape
        /// A `\u` not followed by four hex digits.
        case invalidUnicodeEscape
        /// A raw control character (below U+0020) inside a string, which JSON forbids.
        case controlCharacterInString
        /// More text after a complete value.
        case trailingCharacters
        /// Arrays and objects nested deeper than `JSONParser.maxDepth`.
        case tooDeep
        /// A number beyond the range of a double (`1e400`).
        case numberOutOfRange
    }

    public var problem: Problem
    /// Zero-based byte offset into the parsed text.
    public var offset: Int

    public init(_ problem: Problem, at offset: Int) {
        self.problem = problem
        self.offset = offset
    }

    public var description: String {
        switch problem {
        case .unexpectedCharacter(let b): return "unexpected character \(JSONParseError.show(b)) at byte \(offset)"
        case .unexpectedEnd: return "unexpected end of text at byte \(offset)"
        case .invalidNumber: return "invalid number at byte \(offset)"
        case .invalidEscape: return "invalid escape in string at byte \(offset)"
        case .invalidUnicodeEscape: return "invalid \\u escape at byte \(offset)"
        case .controlCharacterInString: return "control character in string at byte \(offset)"
        case .trailingCharacters: return "unexpected text after the value at byte \(offset)"
        case .tooDeep: return "nested deeper than \(JSONParser.maxDepth) levels at byte \(offset)"
        case .numberOutOfRange: return "number beyond the range of a double at byte \(offset)"
        }
    }

    /// A printable ASCII byte in quotes, anything else as hex, so a report never carries
    /// broken UTF-8 or terminal control codes.
    static func show(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let hex = String(b, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
