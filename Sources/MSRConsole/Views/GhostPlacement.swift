import MSREngine
import MSRModel

/// Where deleted rows are shown for the moment they fade: among the window's rows at the
/// place they had in the view (by key, or by the sort column), and only if the filter would
/// have shown them, so a ghost appears exactly where its row was.
///
/// At high speed thousands of rows may be fading. In key order only the ghosts between the
/// window's first and last keys are read (the highlights keep them by key); in a sorted view
/// each ghost's place is computed once and those outside the window are dropped first. The
/// two ordered lists are then merged in one pass.
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
        guard !pane.highlights.ghostRows.isEmpty else { return lines }
        // Rows before the window's first (or after a full window's last) are off screen.
        let low = pane.scrollRow == 0 ? nil : lines.first.map { viewKey($0.key, $0.row) }
        let high = lines.count < visible ? nil : lines.last.map { viewKey($0.key, $0.row) }
        var ghosts = pane.spec.sortColumn == nil ? inKeyOrder(low: low, high: high) : inSortOrder(low: low, high: high)
        ghosts.removeAll { pane.frame?.state[$0.line.key] != nil || !(pane.spec.filter?.matches($0.line.row) ?? true) }
        guard !ghosts.isEmpty else { return lines }
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

    private typealias Ghost = (order: RowKey, line: GridView.Line)

    /// The ghosts strictly between `low` and `high` of a view in key order, in view order.
    private func inKeyOrder(low: RowKey?, high: RowKey?) -> [Ghost] {
        let tree = pane.highlights.ghostRows
        // Descending, the window's first key is its highest.
        let (from, to) = pane.spec.descending ? (high, low) : (low, high)
        var out: [Ghost] = []
        var it = tree.makeIterator(from: from.map { tree.offset(of: $0) } ?? 0)
        while let (key, row) = it.next() {
            if let from, key == from { continue }
            if let to, !(key < to) { break }
            out.append((key, GridView.Line(key: key, row: row, position: nil)))
        }
        if pane.spec.descending { out.reverse() }
        return out
    }

    /// The ghosts strictly between `low` and `high` of a sorted view, in view order.
    private func inSortOrder(low: RowKey?, high: RowKey?) -> [Ghost] {
        var out: [Ghost] = []
        for (key, row) in pane.highlights.ghostRows {
            let order = viewKey(key, row)
            if let low, !before(low, order) { continue }
            if let high, !before(order, high) { continue }
            out.append((order, GridView.Line(key: key, row: row, position: nil)))
        }
        out.sort { before($0.order, $1.order) }
        return out
    }
}
