import MSRModel

/// Writes `JSONValue`s as compact JSON text: no spaces, members in their order.
///
/// Used to keep a nested object or array of a row image as `Value.json(text)`, and to write
/// NDJSON output and rejected lines. Non-ASCII text is written as UTF-8, not `\u` escapes, so
/// the stored text stays readable and short.
public enum JSONWriter {
    /// The value as compact JSON text.
    public static func compactText(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value's compact JSON text to `out`.
    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): writeDouble(d, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (k, e) in elements.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                write(e, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (k, m) in object.members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                writeString(m.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(m.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// JSON has no infinities or NaN: they are written as the strings `"NaN"`, `"Infinity"` and
    /// `"-Infinity"`, as Kafka Connect's JSON converter writes them (a `null` would read back
    /// as a missing value). -0 keeps its sign.
    public static func writeDouble(_ d: Double, into out: inout [UInt8]) {
        if let special = Value.specialDoubleText(d) {
            writeString(special, into: &out)
            return
        }
        out.append(contentsOf: d.description.utf8)
    }

    /// Appends a cell value as a Debezium line holds it: nested JSON as itself, non-finite
    /// doubles as their strings (`writeDouble`).
    public static func writeCell(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): writeDouble(d, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .json(let j): out.append(contentsOf: j.utf8)
        }
    }

    /// Appends `s` as a quoted JSON string, escaping quotes, backslashes and control characters.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): escape(UInt8(ascii: "\""), into: &out)
            case UInt8(ascii: "\\"): escape(UInt8(ascii: "\\"), into: &out)
            case 0x0A: escape(UInt8(ascii: "n"), into: &out)
            case 0x0D: escape(UInt8(ascii: "r"), into: &out)
            case 0x09: escape(UInt8(ascii: "t"), into: &out)
            case 0x08: escape(UInt8(ascii: "b"), into: &out)
            case 0x0C: escape(UInt8(ascii: "f"), into: &out)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0xF))
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func escape(_ c: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(c)
    }

    static func hexDigit(_ n: UInt8) -> UInt8 {
        n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") + n - 10
    }
}
