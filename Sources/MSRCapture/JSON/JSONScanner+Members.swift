/// Walking an object member by member without building it: for readers that know the shape
/// they expect (`DebeziumFastPath`) and take only the members they need.
extension JSONScanner {
    /// Enters the object at the cursor; true when it is empty (and already left).
    mutating func enterObject() throws(JSONParseError) -> Bool {
        guard try peek() == UInt8(ascii: "{") else { throw JSONParseError(.unexpectedCharacter(bytes[index]), at: index) }
        try enterContainer()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return true
        }
        return false
    }

    /// Reads a member's name and the colon after it, leaving the cursor on its value. A name
    /// with an escape is refused (as `invalidEscape`), so names compare as plain bytes.
    mutating func memberName() throws(JSONParseError) -> Range<Int> {
        guard try peek() == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedCharacter(bytes[index]), at: index) }
        let start = index + 1
        let end = skipPlainRun(from: start)
        var j = end
        while j < bytes.count, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "\\"), bytes[j] >= 0x20 { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") else { throw JSONParseError(.invalidEscape, at: j) }
        index = j + 1
        skipWhitespace()
        guard try peek() == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedCharacter(bytes[index]), at: index) }
        index += 1
        skipWhitespace()
        return start..<j
    }

    /// After a member's value: true when another member follows, false at the object's end.
    mutating func nextMember() throws(JSONParseError) -> Bool {
        skipWhitespace()
        let b = try peek()
        index += 1
        if b == UInt8(ascii: ",") {
            skipWhitespace()
            return true
        }
        if b == UInt8(ascii: "}") {
            depth -= 1
            return false
        }
        throw JSONParseError(.unexpectedCharacter(b), at: index - 1)
    }

    /// Whether the name at `range` is `word`.
    func name(_ range: Range<Int>, is word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<range.count where bytes[range.lowerBound + k] != w[k] { return false }
        return true
    }

    /// True (and past it) when the value at the cursor is `null`.
    mutating func takeNull() throws(JSONParseError) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }
}
