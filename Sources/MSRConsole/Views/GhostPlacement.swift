import MSREngine
import MSRModel

/// Where deleted rows are shown for the moment they fade: among the window's rows at the
/// place they had in the view (by key, or by the sort column), and only if the filter would
/// have shown them, so a ghost appears exactly where its row was.
struct GhostPlacement {
    let pane: Pane

    /// The view order of a row: the sort value, then the key (reversed when descending).
    private func sortsBefore(_ a: (key: RowKey, row: Row), _ b: (key: RowKey, row: Row)) -> Bool {
        let ka = RowKey((pane.spec.sortColumn.map { [a.row[$0]] } ?? []) + a.key.values)
        let kb = RowKey((pane.spec.sortColumn.map { [b.row[$0]] } ?? []) + b.key.values)
        return pane.spec.descending ? kb < ka : ka < kb
    }

    /// `lines` (the window's rows, in view order) with the ghosts that fall inside the window
    /// merged in, cut to `visible` lines keeping the selected row.
    func merge(_ lines: [GridView.Line], visible: Int) -> [GridView.Line] {
        let ghosts = pane.highlights.ghosts.filter { g in
            pane.frame?.state[g.key] == nil && (pane.spec.filter?.matches(g.row) ?? true)
        }
        guard !ghosts.isEmpty else { return lines }
        // Rows before the window's first (or after a full window's last) are off screen.
        let low = pane.scrollRow == 0 ? nil : lines.first
        let high = lines.count < visible ? nil : lines.last
        var merged = lines
        for g in ghosts {
            let item = (key: g.key, row: g.row)
            if let low, !sortsBefore((low.key, low.row), item) { continue }
            if let high, !sortsBefore(item, (high.key, high.row)) { continue }
            let i = merged.firstIndex { sortsBefore(item, ($0.key, $0.row)) } ?? merged.count
            merged.insert(GridView.Line(key: g.key, row: g.row, position: nil), at: i)
        }
        guard merged.count > visible else { return merged }
        let selected = merged.firstIndex { $0.position == pane.selectedRow } ?? 0
        let start = selected >= visible ? merged.count - visible : 0
        return Array(merged[start..<(start + visible)])
    }
}
