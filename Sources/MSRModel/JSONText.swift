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
        // JSON has no NaN or infinities: they are written as strings, as PostgreSQL's to_json does.
        case .double(let d): return Value.specialDoubleText(d).map(quote) ?? Value.formatDouble(d)
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

extension JSONText {
    /// One event as an NDJSON line (with its newline): what `msr events` prints and the
    /// console exports. Cells past the table's known columns are named `columnN`.
    public static func event(_ e: ChangeEvent, table: TableSchema?, values: ValueRendering = .asIngested) -> String {
        let columns = table?.columns ?? []
        func image(_ row: Row?) -> String {
            guard let row else { return "null" }
            return JSONText.row(row, columns: columns.count >= row.values.count ? columns
                : columns + (columns.count..<row.values.count).map { ColumnSchema(name: "column\($0 + 1)") }, values)
        }
        let keyColumns = (table?.keyColumns ?? []).map { $0 < columns.count ? columns[$0] : ColumnSchema(name: "column\($0 + 1)") }
        let key = "{" + zip(keyColumns, e.key.values).map { quote($0.name) + ":" + value($1, type: $0.type, values) }
            .joined(separator: ",") + "}"
        return "{\"seq\":\(e.seq),\"commit_time\":\(quote(e.commitTime.iso8601)),\"table\":\(quote(table?.name.qualified ?? "?")),"
            + "\"op\":\"\(e.op.code)\",\"key\":\(key),\"before\":\(image(e.before)),\"after\":\(image(e.after)),"
            + "\"commit_time_us\":\(e.commitTime.micros),\"position\":\(position(e.position))}\n"
    }

    /// A plain integer position as a number; a connector's position as its bytes in hex.
    static func position(_ p: SourcePosition?) -> String {
        guard let p else { return "null" }
        return p.integer.map(String.init) ?? quote(p.description)
    }
}
