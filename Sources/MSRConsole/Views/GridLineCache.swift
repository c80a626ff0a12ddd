import MSRModel
import MSRTerminal

/// A pane's grid lines as drawn in the frame before: each row's cell texts and the cells its
/// line was drawn as. While playing, most rows of a window do not change from one frame to
/// the next, so a line whose row, look and columns are the same is copied back instead of
/// formatted and drawn again; only what a frame changed is drawn.
///
/// Entries are kept for the lines of the last frame only, so the cache stays the size of the
/// window whatever the table's size.
final class GridLineCache {
    /// Everything about a line's cells that is not its row.
    struct Look: Equatable {
        var isGhost: Bool
        var isOddRow: Bool
        var isSelected: Bool
        var mark: Highlights.Kind?
        /// The updated columns, for an updated row.
        var markedColumns: Set<Int>
        var isFresh: Bool
    }

    /// What every line of a frame was drawn with: where, how wide, which columns, which styles.
    struct Setting: Equatable {
        var x: Int
        var width: Int
        var columns: [GridColumns.Column]
        var styles: GridStyles
    }

    private struct Entry {
        var formatted: FormattedRow
        var drawn: (look: Look, cells: [Cell])?
    }

    private var entries: [RowKey: Entry] = [:]
    private var next: [RowKey: Entry] = [:]
    private var setting: Setting?

    /// The cell texts of `row`, made again only when the row changed since the last frame.
    func formatted(_ key: RowKey, _ row: Row, types: [ColumnType]) -> FormattedRow {
        if let e = next[key], e.formatted.row == row { return e.formatted }
        if let e = entries[key], e.formatted.row == row {
            next[key] = e
            return e.formatted
        }
        let made = FormattedRow(row, types: types)
        next[key] = Entry(formatted: made, drawn: nil)
        return made
    }

    /// Starts drawing lines with `setting`: a line drawn with another one is drawn again.
    func begin(_ setting: Setting) {
        guard setting != self.setting else { return }
        self.setting = setting
        for (key, e) in next where e.drawn != nil { next[key]?.drawn = nil }
    }

    /// The cells the line of `key` was drawn as with `look`, if it was (its row is the one
    /// last given to `formatted`).
    func cells(_ key: RowKey, look: Look) -> [Cell]? {
        guard let drawn = next[key]?.drawn, drawn.look == look else { return nil }
        return drawn.cells
    }

    /// Keeps the cells the line of `key` is drawn as.
    func keep(_ cells: [Cell], _ key: RowKey, look: Look) {
        next[key]?.drawn = (look, cells)
    }

    /// Ends a frame: what it did not show is forgotten.
    func finish() {
        swap(&entries, &next)
        next.removeAll(keepingCapacity: true)
    }

    /// Forgets everything (another table, another schema).
    func clear() {
        entries.removeAll()
        next.removeAll()
        setting = nil
    }
}

/// The styles a grid's rows are drawn in, read from the theme once per frame.
struct GridStyles: Equatable {
    var text, altRow, deleted, null, key, number, timestamp, updated, inserted, selected: Style

    init(_ theme: Theme) {
        text = theme[.gridText]
        altRow = theme[.gridAltRow]
        deleted = theme[.deleted]
        null = theme[.null]
        key = theme[.keyColumn]
        number = theme[.number]
        timestamp = theme[.timestamp]
        updated = theme[.updated]
        inserted = theme[.inserted]
        selected = theme[.selectedRow]
    }
}
