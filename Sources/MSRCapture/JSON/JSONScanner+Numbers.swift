extension JSONScanner {
    /// Reads a number starting at the cursor, following JSON's grammar strictly.
    ///
    /// An integer that fits in `Int64` stays exact; `-0`, a fraction, an exponent or an integer
    /// too large for 64 bits becomes a `Double`: computed directly when that is exact, else read
    /// by the standard library from the same bytes.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var j = index
        let negative = bytes[j] == UInt8(ascii: "-")
        if negative { j += 1 }
        guard j < bytes.count else { throw JSONParseError(.unexpectedEnd, at: j) }

        var magnitude: UInt64 = 0
        var digits = 0
        var overflow = false
        let firstDigit = bytes[j]
        if firstDigit == UInt8(ascii: "0") {
            j += 1
            if j < bytes.count, JSONScanner.isDigit(bytes[j]) { throw JSONParseError(.invalidNumber, at: j) }
        } else if JSONScanner.isDigit(firstDigit) {
            while j < bytes.count, JSONScanner.isDigit(bytes[j]) {
                JSONScanner.accumulate(bytes[j], into: &magnitude, digits: &digits, overflow: &overflow)
                j += 1
            }
        } else {
            throw JSONParseError(.invalidNumber, at: j)
        }

        var isInteger = true
        var fractionDigits = 0
        if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
            isInteger = false
            let fractionStart = j + 1
            j = try digitRun(from: fractionStart)
            fractionDigits = j - fractionStart
            for k in fractionStart..<j {
                JSONScanner.accumulate(bytes[k], into: &magnitude, digits: &digits, overflow: &overflow)
            }
        }
        var exponent = 0
        if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            isInteger = false
            j += 1
            var negativeExponent = false
            if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") {
                negativeExponent = bytes[j] == UInt8(ascii: "-")
                j += 1
            }
            let exponentStart = j
            j = try digitRun(from: j)
            for k in exponentStart..<j where exponent < 100_000 {
                exponent = exponent * 10 + Int(bytes[k] - UInt8(ascii: "0"))
            }
            if negativeExponent { exponent = -exponent }
        }
        index = j

        if isInteger && !overflow {
            // `-0` is only written for a negative zero double; an integer 0 would lose its sign.
            if negative, magnitude == 0 { return .double(-0.0) }
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        if !overflow, let d = JSONScanner.exactDouble(magnitude, exponent - fractionDigits) {
            return .double(negative ? -d : d)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
        guard let d = Double(text) else { throw JSONParseError(.invalidNumber, at: start) }
        // Past the range of a double the standard library gives an infinity, which would be
        // recorded as a value the line never held.
        guard d.isFinite else { throw JSONParseError(.numberOutOfRange, at: start) }
        return .double(d)
    }

    /// `mantissa × 10^exponent` when both factors are exact doubles, so one multiplication or
    /// division rounds correctly (Clinger's fast path); nil when the slow, general parse is
    /// needed. Most decimals in change logs (coordinates, amounts) take this path.
    static func exactDouble(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(mantissa)
        let p = JSONScanner.powersOfTen[exponent < 0 ? -exponent : exponent]
        return exponent < 0 ? m / p : m * p
    }

    /// 10^0 … 10^22, every one exact in a `Double`.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Appends a decimal digit to `magnitude`. Up to 19 digits always fit in 64 bits, so only
    /// later ones pay for an overflow check.
    @inline(__always)
    static func accumulate(_ digit: UInt8, into magnitude: inout UInt64, digits: inout Int, overflow: inout Bool) {
        let d = UInt64(digit &- UInt8(ascii: "0"))
        digits += 1
        if digits <= 19 {
            magnitude = magnitude &* 10 &+ d
            return
        }
        let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(d)
        overflow = overflow || o1 || o2
        magnitude = s
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
