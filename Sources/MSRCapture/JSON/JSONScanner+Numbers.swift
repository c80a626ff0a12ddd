extension JSONScanner {
    /// Reads a number starting at the cursor, following JSON's grammar strictly.
    ///
    /// An integer that fits in `Int64` stays exact; a fraction, an exponent or an integer too
    /// large for 64 bits becomes a `Double`, read by the standard library from the same bytes.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var j = index
        let negative = bytes[j] == UInt8(ascii: "-")
        if negative { j += 1 }
        guard j < bytes.count else { throw JSONParseError(.unexpectedEnd, at: j) }

        var magnitude: UInt64 = 0
        var overflow = false
        let firstDigit = bytes[j]
        if firstDigit == UInt8(ascii: "0") {
            j += 1
            if j < bytes.count, JSONScanner.isDigit(bytes[j]) { throw JSONParseError(.invalidNumber, at: j) }
        } else if JSONScanner.isDigit(firstDigit) {
            while j < bytes.count, JSONScanner.isDigit(bytes[j]) {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(bytes[j] - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = s
                j += 1
            }
        } else {
            throw JSONParseError(.invalidNumber, at: j)
        }

        var isInteger = true
        if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
            isInteger = false
            j = try digitRun(from: j + 1)
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            isInteger = false
            j += 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            j = try digitRun(from: j)
        }
        index = j

        if isInteger && !overflow {
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
        guard let d = Double(text) else { throw JSONParseError(.invalidNumber, at: start) }
        return .double(d)
    }

    /// The offset after a run of at least one digit starting at `from`.
    func digitRun(from: Int) throws(JSONParseError) -> Int {
        guard from < bytes.count else { throw JSONParseError(.unexpectedEnd, at: from) }
        guard JSONScanner.isDigit(bytes[from]) else { throw JSONParseError(.invalidNumber, at: from) }
        var j = from + 1
        while j < bytes.count, JSONScanner.isDigit(bytes[j]) { j += 1 }
        return j
    }

    static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
}
