import MSRModel

/// Writes rows of one table as aligned text, CSV or NDJSON.
///
/// Text shows values readably (times, decimals) with numbers right-aligned; CSV and NDJSON
/// keep the values as they were ingested.
struct RowWriter {
    var columns: [ColumnSchema]
    var format: OutputFormat
    /// Extra leading columns (such as a diff's change kind), given as plain text.
    var leading: [String] = []

    func render(_ rows: [(leading: [String], row: Row)]) -> String {
        switch format {
        case .table: return table(rows)
        case .csv: return csv(rows)
        case .ndjson: return ndjson(rows)
        }
    }

    private func table(_ rows: [(leading: [String], row: Row)]) -> String {
        let headers = leading + columns.map(\.name)
        var cells: [[String]] = rows.map { r in
            r.leading + columns.indices.map { ValueFormatter.format(r.row[$0], as: columns[$0].type).displaySafe }
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
            out += RowExport.csvRecord(r.leading + columns.indices.map { RowExport.csvField(r.row[$0]) })
        }
        return out
    }

    private func ndjson(_ rows: [(leading: [String], row: Row)]) -> String {
        var out = ""
        for r in rows {
            var pairs: [(String, Value)] = zip(leading, r.leading).map { ($0, .string($1)) }
            pairs += columns.indices.map { (columns[$0].name, r.row[$0]) }
            out += JSONText.object(pairs) + "\n"
        }
        return out
    }
}

extension String {
    /// Control characters (tabs, newlines, escapes) shown as visible symbols, so one cell stays
    /// on one line and in its column.
    var displaySafe: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s.value {
            case 0x09: out.append(contentsOf: "→".unicodeScalars)
            case 0x0a: out.append(contentsOf: "↵".unicodeScalars)
            case 0..<0x20, 0x7f: out.append(contentsOf: "·".unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }
}

/// Terminal columns a string takes: East Asian wide characters and emoji take two, combining
/// marks none.
enum DisplayWidth {
    static func of(_ s: String) -> Int {
        var width = 0
        for ch in s {
            guard let first = ch.unicodeScalars.first else { continue }
            width += scalarWidth(first)
        }
        return width
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
