/// Reads the pieces of one line of a TOML-subset file (see `TOMLSubset`).
struct LineScanner {
    private let characters: [Character]
    private var position = 0
    private let line: Int

    init(_ text: Substring, line: Int) {
        characters = Array(text)
        self.line = line
    }

    var peek: Character? { position < characters.count ? characters[position] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }

    mutating func skipSpaces() {
        while let character = peek, character == " " || character == "\t" { position += 1 }
    }

    mutating func take(_ character: Character) -> Bool {
        guard peek == character else { return false }
        position += 1
        return true
    }

    /// `[name]`, with optional spaces inside the brackets.
    mutating func tableHeader() throws(TOMLSubsetError) -> String {
        _ = take("[")
        skipSpaces()
        if peek == "[" { throw failure(nil, "arrays of tables ([[name]]) are not used in theme files") }
        let name = try bareKey(nil)
        skipSpaces()
        if peek == "." { throw failure(nil, "nested tables ([a.b]) are not used in theme files") }
        guard take("]") else { throw failure(nil, "expected ']' to close the table header") }
        skipSpaces()
        guard atEndOrComment else { throw failure(nil, "unexpected text after the table header") }
        return name
    }

    /// A bare key (`grid_text`) or a quoted one (`"grid text"`).
    mutating func key() throws(TOMLSubsetError) -> String {
        if peek == "\"" || peek == "'" { return try string(for: nil) }
        let key = try bareKey(nil)
        if peek == "." { throw failure(key, "dotted keys are not used in theme files") }
        return key
    }

    private mutating func bareKey(_ context: String?) throws(TOMLSubsetError) -> String {
        let start = position
        while let character = peek, character.isASCII, character.isLetter || character.isNumber
            || character == "_" || character == "-" {
            position += 1
        }
        guard position > start else {
            let found = peek.map { "'\($0)'" } ?? "the end of the line"
            throw failure(context, "expected a key (letters, digits, '_' or '-') but found \(found)")
        }
        return String(characters[start ..< position])
    }

    /// A basic `"string"` (with `\"`, `\\`, `\n`, `\t`, `\uXXXX` escapes) or a literal `'string'`.
    mutating func string(for key: String?) throws(TOMLSubsetError) -> String {
        guard let quote = peek, quote == "\"" || quote == "'" else {
            throw failure(key, "the value must be a quoted string, such as \"bold 214 on 235\"")
        }
        position += 1
        var value = ""
        while let character = peek {
            position += 1
            if character == quote { return value }
            if character == "\\" && quote == "\"" {
                value.append(try escape(for: key))
            } else {
                value.append(character)
            }
        }
        throw failure(key, "the string has no closing \(quote)")
    }

    private mutating func escape(for key: String?) throws(TOMLSubsetError) -> Character {
        guard let code = peek else { throw failure(key, "the string ends in the middle of an escape") }
        position += 1
        switch code {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "u", "U":
            let length = code == "u" ? 4 : 8
            guard position + length <= characters.count,
                  let value = UInt32(String(characters[position ..< position + length]), radix: 16),
                  let scalar = Unicode.Scalar(value)
            else { throw failure(key, "\\\(code) must be followed by \(length) hex digits of a code point") }
            position += length
            return Character(scalar)
        default:
            throw failure(key, "unknown escape \\\(code) in the string")
        }
    }

    private func failure(_ key: String?, _ message: String) -> TOMLSubsetError {
        TOMLSubsetError(line: line, key: key, message: message)
    }
}
