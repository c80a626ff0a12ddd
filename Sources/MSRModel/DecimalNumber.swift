/// An exact decimal number read from text, compared by value without going through `Double`.
///
/// A `numeric(38, 10)` cell or a 19-digit integer has more digits than a double holds, so a
/// filter such as `balance>12345678901234567.5` must compare digit by digit. The number is
/// kept as its significant digits and a power of ten: `±0.d₁d₂…dₙ × 10^exponent`.
public struct DecimalNumber: Hashable, Sendable, Comparable {
    /// -1, 0 or 1.
    public let sign: Int
    /// Significant digits (ASCII), without leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The power of ten of the place just before the first significant digit.
    let exponent: Int

    /// `-12.50`, `+3`, `.5`, `1e-3`, `1.2E+4`; nil for anything else (spaces, `NaN`, hex).
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var mantissa: [UInt8] = []
        var pointAt: Int?
        var exponentText: ArraySlice<UInt8> = []
        for (i, b) in zip(bytes.indices, bytes) {
            if b >= 48 && b <= 57 {
                mantissa.append(b)
            } else if b == UInt8(ascii: "."), pointAt == nil {
                pointAt = mantissa.count
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                exponentText = bytes[(i + 1)...]
                break
            } else {
                return nil
            }
        }
        guard !mantissa.isEmpty, mantissa.count <= 1_000_000 else { return nil }
        var power = 0
        if !exponentText.isEmpty {
            // Beyond this a number means nothing a column can hold; refusing it keeps Int safe.
            guard exponentText.count <= 8, let p = Int(String(decoding: exponentText, as: UTF8.self)), p.magnitude <= 1_000_000 else { return nil }
            power = p
        }
        let integerDigits = pointAt ?? mantissa.count
        let leading = mantissa.prefix { $0 == UInt8(ascii: "0") }.count
        let significant = mantissa.dropFirst(leading)
        let trimmed = significant.reversed().drop { $0 == UInt8(ascii: "0") }.reversed()
        digits = Array(trimmed)
        exponent = digits.isEmpty ? 0 : integerDigits - leading + power
        sign = digits.isEmpty ? 0 : (negative ? -1 : 1)
    }

    public init(_ value: Int64) {
        // Int64's text is always a valid decimal, so the fallback is never taken.
        self = DecimalNumber(String(value)) ?? DecimalNumber.zero
    }

    private init(sign: Int, digits: [UInt8], exponent: Int) {
        self.sign = sign
        self.digits = digits
        self.exponent = exponent
    }

    public static let zero = DecimalNumber(sign: 0, digits: [], exponent: 0)

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        if lhs.sign != rhs.sign { return lhs.sign < rhs.sign }
        if lhs.sign == 0 { return false }
        let magnitudeLess = lhs.exponent != rhs.exponent ? lhs.exponent < rhs.exponent
            : lhs.digits.lexicographicallyPrecedes(rhs.digits)
        let same = lhs.exponent == rhs.exponent && lhs.digits == rhs.digits
        return lhs.sign > 0 ? magnitudeLess : (!magnitudeLess && !same)
    }

    /// Text whose byte order is the numbers' order: sorting these strings sorts the numbers.
    ///
    /// Zero is `1`; a positive number is `2`, its exponent (offset, fixed width) and its
    /// digits; a negative one is `0` and the nines' complement of both, closed by `~` so that
    /// a longer magnitude sorts first.
    public var sortKey: String {
        let offset = 5_000_000
        switch sign {
        case 0: return "1"
        case 1: return "2" + pad(exponent + offset, 8) + String(decoding: digits, as: UTF8.self)
        default:
            let flipped = digits.map { UInt8(ascii: "9") - ($0 - UInt8(ascii: "0")) }
            return "0" + pad(99_999_999 - (exponent + offset), 8) + String(decoding: flipped, as: UTF8.self) + "~"
        }
    }
}
