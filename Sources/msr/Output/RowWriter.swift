import MSRModel
import MSRTerminal

/// Writes rows of one table as aligned text, CSV or NDJSON.
///
/// Text shows values readably (times, decimals) with numbers right-aligned; so do CSV and
/// NDJSON unless asked for the values as they were ingested (`--raw-values`).
struct RowWriter {
    var columns: [ColumnSchema]
    var format: OutputFormat
    /// Extra leading columns (such as a diff's change kind), given as plain text.
    var leading: [String] = []
    var values: ValueRendering = .readable

    func render(_ rows: [(leading: [String], row: Row)]) -> String {
        switch format {
        case .table: return table(rows)
        case .csv: return csv(rows)
        case .ndjson: return ndjson(rows)
        }
    }

    private func table(_ rows: [(leading: [String], row: Row)]) -> String {
        let headers = (leading + columns.map(\.name)).map(TerminalText.safe)
        var cells: [[String]] = rows.map { r in
            r.leading.map(TerminalText.safe) + columns.indices.map { TerminalText.safe(ValueFormatter.format(r.row[$0], as: columns[$0].type)) }
        }
        let numeric: [Bool] = Array(repeating: false, count: leading.count) + columns.indices.map { i in
            rows.contains { ValueFormatter.isNumeric(columns[i].type, $0.row[i]) }
        }
        cells.insert(headers, at: 0)
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        var out = ""
        for (r, row) in cells.enumerated() {
            var line = ""
            for (i, c) in row.enumerated() {
                if i > 0 { line += "  " }
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
                line += (numeric[i] && r > 0) ? pad + c : (i == row.count - 1 ? c : c + pad)
            }
            out += line + "\n"
            if r == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }

    private func csv(_ rows: [(leading: [String], row: Row)]) -> String {
        var out = RowExport.csvRecord(leading + columns.map(\.name))
        for r in rows {
            out += RowExport.csvRecord(r.leading + columns.indices.map { RowExport.csvField(r.row[$0], type: columns[$0].type, values) })
        }
        return out
    }

    private func ndjson(_ rows: [(leading: [String], row: Row)]) -> String {
        var out = ""
        for r in rows {
            let lead = zip(leading, r.leading).map { JSONText.quote($0) + ":" + JSONText.quote($1) }
            let cells = columns.indices.map { JSONText.quote(columns[$0].name) + ":" + JSONText.value(r.row[$0], type: columns[$0].type, values) }
            out += "{" + (lead + cells).joined(separator: ",") + "}\n"
        }
        return out
    }
}
