import MSREngine
import MSRModel
import MSRStore
import MSRTerminal

/// One pane's table: a bordered grid of the rows at the pane's time, key columns pinned on
/// the left, columns sized to content and typed, changes highlighted and fading.
struct GridView {
    let app: ConsoleApp
    let pane: Pane
    let theme: Theme
    let focused: Bool
    let now: Double
    /// Panes of the layout not shown because the screen is too small for them.
    var hiddenPanes = 0

    static let maxColumnWidth = 32

    /// A line of the grid: a row of the view (with its view position), or a deleted row
    /// still shown for a moment (a ghost, with no position).
    struct Line {
        var key: RowKey
        var row: Row
        var position: Int?
        var isGhost: Bool { position == nil }
    }

    func draw(into buffer: inout ScreenBuffer, area: Rect) {
        let border = theme[focused ? .paneBorderFocused : .paneBorder]
        // The title says where the selection is before it is kept inside the rows.
        let title = DisplayWidth.truncate(GridTitle(app: app, pane: pane, focused: focused, hiddenPanes: hiddenPanes).text, toWidth: area.width - 4)
        let inner = area.inset(by: 1)
        let visible = inner.height - 1
        let fits = inner.width >= 4 && inner.height >= 2
        if fits {
            pane.scrollToSelection(height: visible)
            pane.visibleHeight = visible
        }
        let rowsView = fits ? pane.rows : nil
        var lines: [Line] = []
        if let rowsView {
            let window = rowsView.window(from: pane.scrollRow, limit: visible, keyColumns: pane.table.keyColumns)
            lines = GhostPlacement(pane: pane).merge(
                window.enumerated().map { Line(key: $1.key, row: $1.row, position: pane.scrollRow + $0) }, visible: visible)
        }
        fillBackground(&buffer, area: area, except: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: lines.count))
        buffer.drawBox(area, style: border, characters: focused ? .heavy : .light)
        _ = buffer.put(title, x: area.x + 2, y: area.y, style: theme[focused ? .paneTitleFocused : .paneTitle].layered(over: border))
        guard fits else { return }
        // Asked after the window was read: that is when damaged keyframe pages are found.
        if let failure = pane.feed.error {
            buffer.fill(inner, style: theme[.gridText])
            let damaged: Bool
            switch failure {
            case .corrupt, .truncated: damaged = true
            default: damaged = false
            }
            let text = TextWrap.lines("\(damaged ? "damaged recording" : "cannot show this table"): \(failure)", width: inner.width - 1)
            for (i, line) in text.prefix(inner.height).enumerated() {
                _ = buffer.put(line, x: inner.x + 1, y: inner.y + i, style: theme[.error], maxWidth: inner.width - 1)
            }
            return
        }
        guard rowsView != nil else {
            _ = buffer.put("loading…", x: inner.x + 1, y: inner.y + 1, style: theme[.hint])
            return
        }
        let cache = pane.gridLines
        let types = pane.table.columns.map(\.type)
        let formatted = lines.map { cache.formatted($0.key, $0.row, types: types) }
        let columns = GridColumns(pane: pane).layout(formatted, width: inner.width)
        drawHeader(&buffer, columns, x: inner.x, y: inner.y)
        let styles = GridStyles(theme)
        cache.begin(GridLineCache.Setting(x: inner.x, width: inner.width, columns: columns, styles: styles))
        for (i, line) in lines.enumerated() {
            let y = inner.y + 1 + i
            let look = look(of: line)
            if let cells = cache.cells(line.key, look: look) {
                buffer.paste(cells, x: inner.x, y: y)
                continue
            }
            drawRow(&buffer, formatted[i], look: look, columns: columns, styles: styles, x: inner.x, y: y, width: inner.width)
            cache.keep(buffer.span(x: inner.x, y: y, count: inner.width), line.key, look: look)
        }
        cache.finish()
        drawScrollThumb(&buffer, area: area, visible: visible, style: border)
        if lines.isEmpty {
            let note = pane.spec.filter == nil ? "no rows at this time" : "no rows match the filter"
            _ = buffer.put(note, x: inner.x + 1, y: inner.y + 1, style: theme[.hint], maxWidth: inner.width - 1)
        }
    }

    /// Paints the pane's background, but for the lines of rows, which paint their own.
    private func fillBackground(_ buffer: inout ScreenBuffer, area: Rect, except lines: Rect) {
        let style = theme[.gridText]
        guard lines.height > 0 else { return buffer.fill(area, style: style) }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: lines.y - area.y), style: style)
        buffer.fill(Rect(x: area.x, y: lines.y, width: lines.x - area.x, height: lines.height), style: style)
        buffer.fill(Rect(x: lines.maxX, y: lines.y, width: area.maxX - lines.maxX, height: lines.height), style: style)
        buffer.fill(Rect(x: area.x, y: lines.maxY, width: area.width, height: area.maxY - lines.maxY), style: style)
    }

    /// On the right border, where the window is in a table longer than the pane.
    private func drawScrollThumb(_ buffer: inout ScreenBuffer, area: Rect, visible: Int, style: Style) {
        let count = pane.rowCount
        guard count > visible, visible > 1 else { return }
        let size = max(1, visible * visible / count)
        let top = (visible - size) * pane.scrollRow / max(1, count - visible)
        buffer.verticalLine(x: area.maxX - 1, y: area.y + 2 + top, height: size, character: "▐", style: style)
    }

    private func drawHeader(_ buffer: inout ScreenBuffer, _ columns: [GridColumns.Column], x: Int, y: Int) {
        var cx = x
        for col in columns {
            let name = pane.table.columns[col.index].name
            var role: UIRole = col.isKey ? .keyColumn : .gridHeader
            if col.index == pane.spec.sortColumn { role = .gridHeaderSorted }
            let style = theme[role].layered(over: theme[.gridHeader])
            _ = buffer.put(DisplayWidth.fit(name, width: col.width, alignment: col.isNumeric ? .right : .left),
                           x: cx, y: y, style: style, maxWidth: col.width)
            cx += col.width + 1
        }
    }

    /// How a line looks apart from its row: the stripe, the selection, its change mark.
    private func look(of line: Line) -> GridLineCache.Look {
        let mark = line.isGhost ? nil : pane.highlights[line.key]
        let kind = mark.flatMap { $0.kind == .deleted ? nil : $0.kind }
        return GridLineCache.Look(
            isGhost: line.isGhost, isOddRow: (line.position ?? 0) % 2 == 1,
            isSelected: focused && line.position != nil && line.position == pane.selectedRow,
            mark: kind, markedColumns: kind == .updated ? mark?.columns ?? [] : [],
            isFresh: kind != nil && mark.map { pane.highlights.isFresh($0, at: now) } == true)
    }

    private func drawRow(_ buffer: inout ScreenBuffer, _ row: FormattedRow, look: GridLineCache.Look, columns: [GridColumns.Column],
                         styles: GridStyles, x: Int, y: Int, width: Int) {
        let base = look.isGhost ? styles.deleted : look.isOddRow ? styles.altRow : styles.text
        let rowRect = Rect(x: x, y: y, width: width, height: 1)
        buffer.fill(rowRect, style: base)
        var cx = x
        var markedCells: [Rect] = []
        for col in columns {
            let cell = row[col.index]
            var style = base
            if cell.isNull { style = styles.null.layered(over: base) }
            else if col.isKey { style = styles.key.layered(over: base) }
            else if cell.isNumber { style = styles.number.layered(over: base) }
            else if cell.isTemporal { style = styles.timestamp.layered(over: base) }
            if look.mark == .updated, look.markedColumns.contains(col.index) {
                style = styles.updated.layered(over: style)
                if look.isFresh { style = style.adding(.bold) }
                markedCells.append(Rect(x: cx, y: y, width: col.width, height: 1))
            }
            // A NULL in a column of numbers sits where the numbers do.
            let right = cell.isNumber || (cell.isNull && col.isNumeric)
            _ = buffer.put(DisplayWidth.fit(cell.shown(decimals: col.decimals), width: col.width, alignment: right ? .right : .left),
                           x: cx, y: y, style: style, maxWidth: col.width)
            cx += col.width + 1
        }
        if look.mark == .inserted {
            var style = styles.inserted
            if look.isFresh { style = style.adding(.bold) }
            buffer.restyle(rowRect, style: style)
        }
        if look.isSelected {
            // The selection must not hide what just changed: an inserted row keeps its colour
            // (the selection shows as its attributes, underlined), changed cells theirs.
            if look.mark == .inserted {
                buffer.restyle(rowRect, style: Style(attributes: styles.selected.attributes.union(.underline)))
            } else {
                buffer.restyle(rowRect, style: styles.selected)
                let updated = look.isFresh ? styles.updated.adding(.bold) : styles.updated
                for r in markedCells { buffer.restyle(r, style: updated) }
            }
        }
    }
}
