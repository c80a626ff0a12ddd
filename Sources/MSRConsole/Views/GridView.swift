import MSREngine
import MSRModel
import MSRTerminal

/// One pane's table: a bordered grid of the rows at the pane's time, key columns pinned on
/// the left, columns sized to content and typed, changes highlighted and fading.
struct GridView {
    let app: ConsoleApp
    let pane: Pane
    let theme: Theme
    let focused: Bool
    let now: Double

    static let maxColumnWidth = 32

    func draw(into buffer: inout ScreenBuffer, area: Rect) {
        let border = theme[focused ? .paneBorderFocused : .paneBorder]
        buffer.fill(area, style: theme[.gridText])
        buffer.drawBox(area, style: border, characters: focused ? .heavy : .light)
        _ = buffer.put(title(), x: area.x + 2, y: area.y, style: theme[.paneTitle].layered(over: border), maxWidth: area.width - 4)
        let inner = area.inset(by: 1)
        guard inner.width >= 4, inner.height >= 2 else { return }
        let visible = inner.height - 1
        pane.scrollToSelection(height: visible)
        guard let rowsView = pane.rows else {
            _ = buffer.put("loading…", x: inner.x + 1, y: inner.y + 1, style: theme[.hint])
            return
        }
        var lines: [(key: RowKey, row: Row, ghost: Bool)] = rowsView
            .window(from: pane.scrollRow, limit: visible, keyColumns: pane.table.keyColumns)
            .map { ($0.key, $0.row, false) }
        if pane.spec.sortColumn == nil && !pane.spec.descending { lines = mergeGhosts(lines, visible: visible) }
        let columns = layoutColumns(lines.map(\.row), width: inner.width)
        drawHeader(&buffer, columns, x: inner.x, y: inner.y)
        for (i, line) in lines.enumerated() {
            drawRow(&buffer, line, index: pane.scrollRow + i, columns: columns, x: inner.x, y: inner.y + 1 + i, width: inner.width)
        }
        if lines.isEmpty {
            let note = pane.spec.filter == nil ? "no rows at this time" : "no rows match the filter"
            _ = buffer.put(note, x: inner.x + 1, y: inner.y + 1, style: theme[.hint])
        }
    }

    private func title() -> String {
        var parts = [" \(pane.table.name.qualified) "]
        let count = pane.rowCount
        if count > 0 {
            parts.append("row \(pane.selectedRow + 1) of \(count)")
        } else {
            parts.append("0 rows")
        }
        if let f = pane.spec.filter { parts.append("/\(f.description)") }
        if let c = pane.spec.sortColumn { parts.append("sort \(pane.table.columns[c].name) \(pane.spec.descending ? "↓" : "↑")") }
        else if pane.spec.descending { parts.append("key ↓") }
        parts.append(pane.isLinked ? (pane.offset == 0 ? "linked" : "linked \(Timestamp.formatOffset(pane.offset))") : "S\(pane.sessionID)")
        if pane.recording !== app.recordings.first { parts.append(pane.recording.name) }
        if let k = pane.followKey { parts.append("following \(k)") }
        return parts.joined(separator: " · ") + " "
    }

    /// Deleted rows still fading, placed among the window's rows by key.
    private func mergeGhosts(_ lines: [(key: RowKey, row: Row, ghost: Bool)], visible: Int) -> [(key: RowKey, row: Row, ghost: Bool)] {
        let ghosts = pane.highlights.ghosts
        guard !ghosts.isEmpty else { return lines }
        let low = pane.scrollRow == 0 ? nil : lines.first?.key
        let high = lines.count < visible ? nil : lines.last?.key
        // One pass over both key-ordered lists, stopping once the window is full: at high
        // speeds thousands of rows fade at once, and inserting each into the window cost a
        // frame hundreds of milliseconds (BENCHMARKS.md, playback profile).
        var merged: [(key: RowKey, row: Row, ghost: Bool)] = []
        merged.reserveCapacity(visible)
        var li = 0, gi = 0
        while merged.count < visible {
            while gi < ghosts.count, !((low.map { ghosts[gi].key > $0 } ?? true) && (high.map { ghosts[gi].key < $0 } ?? true)) {
                if let high, ghosts[gi].key >= high { gi = ghosts.count } else { gi += 1 }
            }
            let takeGhost = gi < ghosts.count && (li >= lines.count || ghosts[gi].key < lines[li].key)
            if takeGhost {
                merged.append((ghosts[gi].key, ghosts[gi].row, true))
                gi += 1
            } else if li < lines.count {
                merged.append(lines[li])
                li += 1
            } else {
                break
            }
        }
        return merged
    }

    struct Column {
        var index: Int
        var width: Int
        var isKey: Bool
    }

    private func layoutColumns(_ rows: [Row], width: Int) -> [Column] {
        let table = pane.table
        let keys = table.keyColumns
        let others = table.columns.indices.filter { !keys.contains($0) }
        let order = keys + others.dropFirst(min(pane.scrollColumn, max(0, others.count - 1)))
        var out: [Column] = []
        var used = 0
        for c in order {
            var w = max(pane.columnWidths[c] ?? 0, DisplayWidth.of(table.columns[c].name))
            for r in rows { w = max(w, DisplayWidth.of(cellText(r[c], c))) }
            w = min(w, Self.maxColumnWidth)
            pane.columnWidths[c] = w
            guard used < width else { break }
            let fit = min(w, width - used)
            out.append(Column(index: c, width: fit, isKey: keys.contains(c)))
            used += fit + 1
        }
        return out
    }

    private func cellText(_ v: Value, _ column: Int) -> String {
        v.isNull ? "∅" : ValueFormatter.format(v, as: pane.table.columns[column].type)
    }

    private func drawHeader(_ buffer: inout ScreenBuffer, _ columns: [Column], x: Int, y: Int) {
        var cx = x
        for col in columns {
            let name = pane.table.columns[col.index].name
            let style = theme[col.isKey ? .keyColumn : .gridHeader].layered(over: theme[.gridHeader])
            _ = buffer.put(DisplayWidth.fit(name, width: col.width), x: cx, y: y, style: style, maxWidth: col.width)
            cx += col.width + 1
        }
    }

    private func drawRow(_ buffer: inout ScreenBuffer, _ line: (key: RowKey, row: Row, ghost: Bool), index: Int,
                         columns: [Column], x: Int, y: Int, width: Int) {
        let mark = pane.highlights[line.key]
        var base = theme[index % 2 == 1 ? .gridAltRow : .gridText]
        if line.ghost { base = theme[.deleted] }
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        var cx = x
        for col in columns {
            let value = line.row[col.index]
            let text = cellText(value, col.index)
            let numeric = ValueFormatter.isNumeric(pane.table.columns[col.index].type, value)
            var style = base
            if value.isNull { style = theme[.null].layered(over: base) }
            else if col.isKey { style = theme[.keyColumn].layered(over: base) }
            else if numeric { style = theme[.number].layered(over: base) }
            if let m = mark, m.kind == .updated, m.columns.contains(col.index), !line.ghost {
                style = theme[.updated].layered(over: style)
                if pane.highlights.isFresh(m, at: now) { style = style.adding(.bold) }
            }
            _ = buffer.put(DisplayWidth.fit(text, width: col.width, alignment: numeric ? .right : .left),
                           x: cx, y: y, style: style, maxWidth: col.width)
            cx += col.width + 1
        }
        if let m = mark, m.kind == .inserted, !line.ghost {
            buffer.restyle(Rect(x: x, y: y, width: width, height: 1), style: theme[.inserted])
        }
        if index == pane.selectedRow && !line.ghost && focused {
            buffer.restyle(Rect(x: x, y: y, width: width, height: 1), style: theme[.selectedRow])
        }
    }
}
