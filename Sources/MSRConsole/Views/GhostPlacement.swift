import MSREngine
import MSRModel

/// Where deleted rows are shown for the moment they fade: among the window's rows at the
/// place they had in the view (by key, or by the sort column), and only if the filter would
/// have shown them, so a ghost appears exactly where its row was.
///
/// At high speed thousands of rows may be fading, so each ghost's place in the view order is
/// computed once, ghosts outside the window are dropped before anything else, and the two
/// ordered lists are merged in one pass.
struct GhostPlacement {
    let pane: Pane

    /// The order of a row in the view: the sort value, then the key.
    private func viewKey(_ key: RowKey, _ row: Row) -> RowKey {
        guard let c = pane.spec.sortColumn else { return key }
        return RowKey([row[c]] + key.values)
    }

    /// Whether `a` comes before `b` in the view (reversed when descending).
    private func before(_ a: RowKey, _ b: RowKey) -> Bool {
        pane.spec.descending ? b < a : a < b
    }

    /// `lines` (the window's rows, in view order) with the ghosts that fall inside the window
    /// merged in, cut to `visible` lines keeping the selected row.
    func merge(_ lines: [GridView.Line], visible: Int) -> [GridView.Line] {
        let marks = pane.highlights.ghosts
        guard !marks.isEmpty else { return lines }
        // Rows before the window's first (or after a full window's last) are off screen.
        let low = pane.scrollRow == 0 ? nil : lines.first.map { viewKey($0.key, $0.row) }
        let high = lines.count < visible ? nil : lines.last.map { viewKey($0.key, $0.row) }
        var ghosts: [(order: RowKey, line: GridView.Line)] = []
        for g in marks {
            let order = viewKey(g.key, g.row)
            if let low, !before(low, order) { continue }
            if let high, !before(order, high) { continue }
            guard pane.frame?.state[g.key] == nil, pane.spec.filter?.matches(g.row) ?? true else { continue }
            ghosts.append((order, GridView.Line(key: g.key, row: g.row, position: nil)))
        }
        guard !ghosts.isEmpty else { return lines }
        ghosts.sort { before($0.order, $1.order) }
        var merged: [GridView.Line] = []
        merged.reserveCapacity(lines.count + ghosts.count)
        var j = 0
        for line in lines {
            let order = viewKey(line.key, line.row)
            while j < ghosts.count && before(ghosts[j].order, order) {
                merged.append(ghosts[j].line)
                j += 1
            }
            merged.append(line)
        }
        while j < ghosts.count {
            merged.append(ghosts[j].line)
            j += 1
        }
        guard merged.count > visible else { return merged }
        let selected = merged.firstIndex { $0.position == pane.selectedRow } ?? 0
        let start = selected >= visible ? merged.count - visible : 0
        return Array(merged[start..<(start + visible)])
    }
}
