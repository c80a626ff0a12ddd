/// Writing values as JSON text, for NDJSON output.
public enum JSONText {
    /// `s` as a JSON string literal, with quotes and escapes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The value as JSON, the way it was ingested: nested objects and arrays as themselves.
    public static func value(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Value.formatDouble(d) : "null"
        case .string(let s): return quote(s)
        case .json(let j): return j
        }
    }

    /// An object of column names and values, in column order.
    public static func object(_ pairs: [(String, Value)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + value($0.1) }.joined(separator: ",") + "}"
    }

    /// A row as an object keyed by the table's column names.
    public static func row(_ row: Row, columns: [ColumnSchema]) -> String {
        object(columns.indices.map { (columns[$0].name, row[$0]) })
    }
}
