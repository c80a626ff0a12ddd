/// Rows written for programs: CSV (RFC 4180 quoting) and NDJSON, values as ingested.
public enum RowExport {
    /// One CSV record, quoting fields that hold a comma, a quote or a line break.
    public static func csvRecord(_ fields: [String]) -> String {
        fields.map { f in
            guard f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return f }
            return "\"" + f.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }

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
