import MSRModel
import MSRTerminal

/// How a grid's columns are laid out: key columns pinned on the left, then the others from
/// the pane's horizontal scroll; each as wide as its name and the widest value seen so far
/// (capped), never narrower than before, so columns do not jitter while playing.
struct GridColumns {
    let pane: Pane

    struct Column {
        var index: Int
        var width: Int
        var isKey: Bool
        /// Every value shown is a number: the column, its name included, is right-aligned.
        var isNumeric: Bool
    }

    /// What a cell shows: the readable value, `∅` for NULL.
    static func cellText(_ v: Value, _ type: ColumnType) -> String {
        v.isNull ? "∅" : ValueFormatter.format(v, as: type)
    }

    func layout(_ rows: [Row], width: Int) -> [Column] {
        let table = pane.table
        let keys = table.keyColumns
        let others = table.columns.indices.filter { !keys.contains($0) }
        let order = keys + others.dropFirst(min(pane.scrollColumn, max(0, others.count - 1)))
        var out: [Column] = []
        var used = 0
        for c in order {
            let type = table.columns[c].type
            var w = max(pane.columnWidths[c] ?? 0, DisplayWidth.of(table.columns[c].name))
            var numeric = false, other = false
            for r in rows {
                w = max(w, DisplayWidth.of(Self.cellText(r[c], type)))
                if r[c].isNull { continue }
                if ValueFormatter.isNumeric(type, r[c]) { numeric = true } else { other = true }
            }
            w = min(w, GridView.maxColumnWidth)
            pane.columnWidths[c] = w
            // A window of NULLs says nothing about the column: keep what was seen before.
            if numeric || other { pane.numericColumns[c] = numeric && !other }
            guard used < width else { break }
            let fit = min(w, width - used)
            out.append(Column(index: c, width: fit, isKey: keys.contains(c), isNumeric: pane.numericColumns[c] ?? false))
            used += fit + 1
        }
        return out
    }
}
