/// Whether exported values are written as a reader sees them or as they were ingested.
///
/// Readable is the default for CSV and NDJSON: a Debezium decimal is its exact decimal (a JSON
/// number with every digit), a date or time is ISO-8601 text. As ingested gives back the
/// source's own encoding (base64 bytes, day and microsecond counts), for programs that
/// decode it themselves.
public enum ValueRendering: Sendable, Hashable {
    case readable
    case asIngested
}

extension JSONText {
    /// The cell as JSON under its column's type.
    public static func value(_ v: Value, type: ColumnType, _ rendering: ValueRendering) -> String {
        guard rendering == .readable, type.semantic != nil, !v.isNull, !v.isUnavailable else { return value(v) }
        let shown = ValueFormatter.format(v, as: type)
        if ValueFormatter.isTemporal(type) {
            return shown == v.description ? value(v) : quote(shown)
        }
        if ValueFormatter.isNumeric(type, v), case .string = v, isJSONNumber(shown) { return shown }
        if ValueFormatter.isNumeric(type, v), case .json = v, isJSONNumber(shown) { return shown }
        return value(v)
    }

    /// A row as an object keyed by the table's column names, cells rendered as asked.
    public static func row(_ row: Row, columns: [ColumnSchema], _ rendering: ValueRendering) -> String {
        "{" + columns.indices.map { quote(columns[$0].name) + ":" + value(row[$0], type: columns[$0].type, rendering) }
            .joined(separator: ",") + "}"
    }

    /// Whether `text` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        let rest = bytes.dropFirst(whole.count)
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy(isDigit)
    }
}

extension RowExport {
    /// A cell as CSV shows it under its column's type: empty for null.
    public static func csvField(_ v: Value, type: ColumnType, _ rendering: ValueRendering) -> String {
        guard rendering == .readable, !v.isNull else { return csvField(v) }
        return ValueFormatter.format(v, as: type)
    }

    /// A header and one record per row, cells rendered as asked.
    public static func csv(_ rows: [Row], columns: [ColumnSchema], _ rendering: ValueRendering) -> String {
        var out = csvRecord(columns.map(\.name))
        for r in rows { out += csvRecord(columns.indices.map { csvField(r[$0], type: columns[$0].type, rendering) }) }
        return out
    }

    /// One JSON object per row, cells rendered as asked.
    public static func ndjson(_ rows: [Row], columns: [ColumnSchema], _ rendering: ValueRendering) -> String {
        rows.map { JSONText.row($0, columns: columns, rendering) + "\n" }.joined()
    }
}
