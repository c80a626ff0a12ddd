import MSRModel
import MSRTerminal

/// How a grid's columns are laid out: key columns pinned on the left, then the others from
/// the pane's horizontal scroll; each as wide as its name and the widest value seen so far
/// (capped), never narrower than before, and numbers with their decimal points in line (as
/// many decimals as seen so far), so columns and digits do not jitter while playing.
struct GridColumns {
    let pane: Pane

    struct Column: Equatable {
        var index: Int
        var width: Int
        var isKey: Bool
        /// Every value shown is a number: the column, its name included, is right-aligned.
        var isNumeric: Bool
        /// Decimals the column's numbers are padded to, so their points line up.
        var decimals: Int

        /// A number's text padded to the column's decimals.
        func aligned(_ text: String) -> String { GridColumns.aligned(text, decimals: decimals) }
    }

    /// A number's text padded on the right to `decimals` (`7.5` → `7.5 ` under `57.13`, `12`
    /// → `12   `), so the points of a column's numbers line up.
    static func aligned(_ text: String, decimals: Int) -> String {
        guard decimals > 0 else { return text }
        let have = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
        let pad = have.map { decimals - $0 } ?? decimals + 1
        return pad > 0 ? text + String(repeating: " ", count: pad) : text
    }

    /// Digits after the point in a number's text (0 without one).
    static func decimals(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: "."), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// What a cell shows: the readable value, `∅` for NULL.
    static func cellText(_ v: Value, _ type: ColumnType) -> String {
        v.isNull ? "∅" : ValueFormatter.format(v, as: type)
    }

    /// The columns that fit in `width`, sized for `rows` (the window's) and everything shown before.
    func layout(_ rows: [FormattedRow], width: Int) -> [Column] {
        let table = pane.table
        let keys = table.keyColumns
        let others = table.columns.indices.filter { !keys.contains($0) }
        let order = keys + others.dropFirst(min(pane.scrollColumn, max(0, others.count - 1)))
        var out: [Column] = []
        var used = 0
        for c in order {
            var w = max(pane.columnWidths[c] ?? 0, DisplayWidth.of(table.columns[c].name))
            var numeric = false, other = false
            var decimals = pane.columnDecimals[c] ?? 0
            for r in rows where r[c].isNumber {
                decimals = max(decimals, r[c].decimals)
            }
            pane.columnDecimals[c] = decimals
            for r in rows {
                let cell = r[c]
                w = max(w, cell.shownWidth(decimals: decimals))
                if cell.isNull { continue }
                if cell.isNumber { numeric = true } else { other = true }
            }
            w = min(w, GridView.maxColumnWidth)
            pane.columnWidths[c] = w
            // A window of NULLs says nothing about the column: keep what was seen before.
            if numeric || other { pane.numericColumns[c] = numeric && !other }
            guard used < width else { break }
            let fit = min(w, width - used)
            out.append(Column(index: c, width: fit, isKey: keys.contains(c), isNumeric: pane.numericColumns[c] ?? false, decimals: decimals))
            used += fit + 1
        }
        return out
    }
}
