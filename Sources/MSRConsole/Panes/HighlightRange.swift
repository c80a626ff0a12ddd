import MSREngine
import MSRModel

/// At high speed, thousands of rows change between two frames, and working out what changed
/// in each (two row lookups and a comparison per row, each lookup perhaps reading a keyframe
/// page) was a quarter of a frame. Only rows on screen or a screen away from it can show a
/// mark before it fades, so above `nearbyOnlyAbove` touched rows a pane in key order compares
/// only those.
enum HighlightRange {
    static let nearbyOnlyAbove = 64

    /// The touched rows whose keys lie within a screen of the rows shown, or nil when all of
    /// them should be compared (few changed, the view is filtered or sorted, nothing drawn).
    static func nearScreen(_ touched: FrameChanges, pane: Pane) -> FrameChanges? {
        let height = pane.visibleHeight
        guard touched.count > nearbyOnlyAbove, height > 0, pane.spec.filter == nil, pane.spec.sortColumn == nil,
              let rows = pane.rows else { return nil }
        let first = max(0, pane.scrollRow - height)
        let around = rows.window(from: first, limit: 3 * height, keyColumns: pane.table.keyColumns).map(\.key)
        guard let lowest = around.min(), let highest = around.max() else { return nil }
        // At either end of the table the range stays open, for rows that arrive beyond it.
        let atStart = first == 0, atEnd = first + around.count >= rows.count
        let (low, high): (RowKey?, RowKey?) = rows.descending
            ? (atEnd ? nil : lowest, atStart ? nil : highest)
            : (atStart ? nil : lowest, atEnd ? nil : highest)
        func near(_ key: RowKey) -> Bool {
            if let low, key < low { return false }
            if let high, high < key { return false }
            return true
        }
        var out = FrameChanges()
        out.truncated = touched.truncated
        out.inserted = touched.inserted.filter(near)
        out.updated = touched.updated.filter { near($0.key) }
        out.deleted = touched.deleted.filter { near($0.key) }
        return out
    }
}
