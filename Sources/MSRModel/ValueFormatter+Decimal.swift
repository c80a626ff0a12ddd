/// Decimal text of Kafka Connect's `Decimal`: the unscaled value as big-endian two's-complement
/// bytes, base64-encoded, with the scale in the column type.
///
/// Hand-written because the model uses no Foundation, and because the unscaled value of a
/// `numeric(38, 10)` does not fit any integer type: digits come from repeated division of a
/// multi-word magnitude.
enum DecimalText {
    /// `unscaled × 10^-scale` as plain decimal text; nil when `base64` is not base64.
    static func render(base64: String, scale: Int) -> String? {
        // A scale no database allows would only pad the cell with zeros; show the raw value.
        guard scale.magnitude <= 1000, let bytes = decodeBase64(base64) else { return nil }
        return render(twosComplement: bytes, scale: scale)
    }

    /// A `VariableScaleDecimal` kept as JSON text: `{"scale":2,"value":"BNI="}`.
    static func renderVariableScale(json: String) -> String? {
        let text = Array(json.utf8)
        guard let scaleToken = member("scale", in: text), let scale = Int(String(decoding: scaleToken, as: UTF8.self)),
              let valueToken = member("value", in: text) else { return nil }
        return render(base64: String(decoding: valueToken, as: UTF8.self), scale: scale)
    }

    static func render(twosComplement bytes: [UInt8], scale: Int) -> String {
        let negative = (bytes.first ?? 0) & 0x80 != 0
        var magnitude = bytes
        if negative {
            // Two's complement: invert every bit and add one.
            var carry = true
            for i in magnitude.indices.reversed() {
                magnitude[i] = ~magnitude[i]
                if carry { (magnitude[i], carry) = magnitude[i].addingReportingOverflow(1) }
            }
        }
        var digits = decimalDigits(magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        } else if scale < 0, digits != "0" {
            digits += String(repeating: "0", count: -scale)
        }
        return negative ? "-" + digits : digits
    }

    /// Decimal digits of an unsigned big-endian integer of any length.
    static func decimalDigits(_ bytes: [UInt8]) -> String {
        let significant = bytes.drop { $0 == 0 }
        if significant.count <= 8 {
            return String(significant.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        // Big-endian 32-bit words, divided by 10^9 until zero; each remainder is nine digits.
        var words: [UInt32] = []
        var word: UInt32 = 0
        for (i, b) in significant.reversed().enumerated() {
            word |= UInt32(b) << (8 * UInt32(i % 4))
            if i % 4 == 3 { words.insert(word, at: 0); word = 0 }
        }
        if significant.count % 4 != 0 { words.insert(word, at: 0) }
        var groups: [UInt32] = []
        while words.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for i in words.indices {
                let current = remainder << 32 | UInt64(words[i])
                words[i] = UInt32(current / 1_000_000_000)
                remainder = current % 1_000_000_000
            }
            groups.append(UInt32(remainder))
        }
        var text = String(groups.last ?? 0)
        for g in groups.dropLast().reversed() { text += pad(g, 9) }
        return text
    }

    /// Standard or URL-safe base64, padding optional; nil on any other character.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0, bits = 0
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        // A lone trailing character cannot encode a byte: the text was cut or is not base64.
        return bits >= 6 ? nil : out
    }

    /// The raw token after `"key":` in flat JSON text: a string's contents or a number's digits.
    static func member(_ key: String, in text: [UInt8]) -> ArraySlice<UInt8>? {
        let quoted = Array(("\"" + key + "\"").utf8)
        guard text.count > quoted.count else { return nil }
        var i = 0
        while i + quoted.count <= text.count {
            if text[i..<(i + quoted.count)].elementsEqual(quoted) {
                var j = i + quoted.count
                while j < text.count, text[j] == UInt8(ascii: " ") || text[j] == UInt8(ascii: ":") { j += 1 }
                guard j < text.count else { return nil }
                if text[j] == UInt8(ascii: "\"") {
                    guard let end = text[(j + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                    return text[(j + 1)..<end]
                }
                var end = j
                while end < text.count, text[end] == UInt8(ascii: "-") || (text[end] >= 48 && text[end] <= 57) { end += 1 }
                return text[j..<end]
            }
            i += 1
        }
        return nil
    }
}
