/// Rows written for programs: CSV (RFC 4180 quoting) and NDJSON, values as ingested.
public enum RowExport {
    /// One CSV record, quoting fields that hold a comma, a quote or a line break.
    ///
    /// Looks at bytes, not characters: a Swift `Character` joins `\r\n`, and a quote followed by a
    /// combining mark, into one that equals neither `\n` nor `"`.
    public static func csvRecord(_ fields: [String]) -> String {
        fields.map { f in
            guard f.utf8.contains(where: { $0 == comma || $0 == quote || $0 == lineFeed || $0 == carriageReturn }) else { return f }
            var bytes: [UInt8] = [quote]
            bytes.reserveCapacity(f.utf8.count + 2)
            for b in f.utf8 {
                bytes.append(b)
                if b == quote { bytes.append(quote) }
            }
            bytes.append(quote)
            return String(decoding: bytes, as: UTF8.self)
        }.joined(separator: ",") + "\n"
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""),
        lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// A cell as CSV shows it: empty for null, otherwise the value's text.
    public static func csvField(_ v: Value) -> String { v.isNull ? "" : v.description }

    /// A header and one record per row.
    public static func csv(_ rows: [Row], columns: [ColumnSchema]) -> String {
        var out = csvRecord(columns.map(\.name))
        for r in rows { out += csvRecord(columns.indices.map { csvField(r[$0]) }) }
        return out
    }

    /// One JSON object per row, keys the column names.
    public static func ndjson(_ rows: [Row], columns: [ColumnSchema]) -> String {
        rows.map { JSONText.row($0, columns: columns) + "\n" }.joined()
    }
}
