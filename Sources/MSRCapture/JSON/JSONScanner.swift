/// The cursor of one parse: a byte buffer, a position in it and the current nesting depth.
///
/// Strings and numbers are read in their own files (`JSONScanner+Strings`,
/// `JSONScanner+Numbers`); this one holds the structure: values, arrays, objects, literals.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONParseError(.trailingCharacters, at: index) }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The byte at the cursor; throws at the end of the text.
    func peek() throws(JSONParseError) -> UInt8 {
        guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
        return bytes[index]
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        let b = try peek()
        switch b {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"):
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "I") {
                try expectLiteral("-Infinity")
                return .double(-.infinity)
            }
            return try parseNumber()
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        // Jackson's bare tokens for non-finite doubles (a JSON converter with number quoting
        // turned off), accepted only where a value may start; anything else stays an error.
        case UInt8(ascii: "N"): try expectLiteral("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try expectLiteral("Infinity"); return .double(.infinity)
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw JSONParseError(.unexpectedCharacter(b), at: index)
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<n {
            guard index + k < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index + k) }
            let b = bytes[index + k]
            guard b == w[k] else { throw JSONParseError(.unexpectedCharacter(b), at: index + k) }
        }
        index += n
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= JSONParser.maxDepth else { throw JSONParseError(.tooDeep, at: index) }
        index += 1
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var members: [JSONMember] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members))
        }
        members.reserveCapacity(8)
        while true {
            let q = try peek()
            guard q == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedCharacter(q), at: index) }
            let key = try parseString()
            skipWhitespace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedCharacter(colon), at: index) }
            index += 1
            skipWhitespace()
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: ",") {
                skipWhitespace()
                continue
            }
            if next == UInt8(ascii: "}") { return .object(JSONObject(members)) }
            throw JSONParseError(.unexpectedCharacter(next), at: index - 1)
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: ",") {
                skipWhitespace()
                continue
            }
            if next == UInt8(ascii: "]") { return .array(elements) }
            throw JSONParseError(.unexpectedCharacter(next), at: index - 1)
        }
    }
}
