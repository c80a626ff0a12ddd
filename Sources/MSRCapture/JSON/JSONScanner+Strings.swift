extension JSONScanner {
    /// Reads a string whose opening quote is at the cursor.
    ///
    /// Most strings in a change log have no escapes, so the run up to the closing quote is found
    /// first (eight bytes at a time) and turned into a `String` in one step; only a string with
    /// a backslash goes through the byte-by-byte path.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        var j = skipPlainRun(from: start)
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") {
                index = j + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { return try parseEscapedString(start: start, firstEscape: j) }
            if b < 0x20 { throw JSONParseError(.controlCharacterInString, at: j) }
            j += 1
        }
        throw JSONParseError(.unexpectedEnd, at: j)
    }

    /// The offset of the first byte at or after `from` that may need attention (a quote, a
    /// backslash or a control character), skipping whole 8-byte words that hold none.
    func skipPlainRun(from: Int) -> Int {
        guard let base = bytes.baseAddress else { return from }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var j = from
        while j + 8 <= bytes.count {
            let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
            let quote = w ^ (ones &* 0x22)
            let slash = w ^ (ones &* 0x5C)
            // A byte is flagged when it is zero after the XOR (quote, backslash) or below 0x20;
            // the tests may flag a harmless byte too, which the byte loop then reads correctly.
            let hit = ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((w &- ones &* 0x20) & ~w)
            if hit & highs != 0 { return j }
            j += 8
        }
        return j
    }

    /// Reads the rest of a string that has at least one escape, collecting its UTF-8 bytes.
    mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(firstEscape - start + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var j = firstEscape
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") {
                index = j + 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw JSONParseError(.controlCharacterInString, at: j) }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                j += 1
                continue
            }
            guard j + 1 < bytes.count else { throw JSONParseError(.unexpectedEnd, at: j + 1) }
            let e = bytes[j + 1]
            j += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): j = try readUnicodeEscape(at: j, into: &out)
            default: throw JSONParseError(.invalidEscape, at: j - 2)
            }
        }
        throw JSONParseError(.unexpectedEnd, at: j)
    }

    /// Reads the four hex digits after `\u` at `at` (and a following `\uXXXX` low surrogate
    /// when the first is a high one); returns the offset after what it read.
    ///
    /// A surrogate without its partner becomes U+FFFD, as `String(decoding:)` does for broken
    /// UTF-8: the rest of the line is still worth keeping.
    func readUnicodeEscape(at: Int, into out: inout [UInt8]) throws(JSONParseError) -> Int {
        let first = try hex4(at: at)
        var next = at + 4
        var scalar = UInt32(first)
        if (0xD800..<0xDC00).contains(first) {
            if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") {
                let second = try hex4(at: next + 2)
                if (0xDC00..<0xE000).contains(second) {
                    scalar = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                    next += 6
                } else {
                    scalar = 0xFFFD
                }
            } else {
                scalar = 0xFFFD
            }
        } else if (0xDC00..<0xE000).contains(first) {
            scalar = 0xFFFD
        }
        JSONScanner.appendUTF8(scalar, to: &out)
        return next
    }

    func hex4(at: Int) throws(JSONParseError) -> UInt16 {
        guard at + 4 <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        var v: UInt16 = 0
        for k in at..<(at + 4) {
            let b = bytes[k]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidUnicodeEscape, at: k)
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
