extension ScreenBuffer {
    /// Writes `text` from column `x` of row `y`, sanitised (see `TextSanitizer`) and clipped
    /// to `maxWidth` columns and to the grid. Returns the column after the last one written.
    ///
    /// `style` is layered over the cells written (`Style.layered(over:)`), so text keeps the
    /// background of a filled area unless it sets its own. A wide grapheme that would be cut
    /// by the clip edge (either side) is replaced by spaces, never split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + max($0, 0) } ?? width)
        if let end = putPrintableASCII(text, x: x, y: y, style: style, limit: limit) { return end }
        var column = x
        for grapheme in TextSanitizer.graphemes(of: text) {
            guard column < limit else { break }
            let end = column + grapheme.width
            if end <= 0 {
                column = end
                continue
            }
            if column < 0 || end > limit {
                for blank in max(column, 0) ..< min(end, limit) {
                    place(.blank(style.layered(over: self[blank, y].style)), x: blank, y: y)
                }
                column = min(end, limit)
                continue
            }
            place(Cell(grapheme, style: style.layered(over: self[column, y].style)), x: column, y: y)
            column = end
        }
        return min(max(column, x), limit)
    }

    /// Blanks every cell of `rect` (clipped to the grid) in exactly `style`: the way to paint
    /// a background before drawing into it.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard area.width > 0 else { return }
        let blank = Cell.blank(style)
        for y in area.y ..< area.maxY {
            // Only the edges can cut a wide grapheme; the inside is overwritten whole.
            breakWideGraphemes(atEdgesOf: area.x ..< area.maxX, y: y)
            let row = y * width
            for x in area.x ..< area.maxX { cells[row + x] = blank }
        }
    }

    /// Layers `style` over the cells of `rect` (clipped to the grid) keeping their text: to
    /// highlight a selected row or a changed cell after it is drawn. A wide grapheme with
    /// either half inside takes the style on both halves.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        for y in area.y ..< area.maxY {
            var x = area.x
            if self[x, y].isContinuation, x > 0 { x -= 1 }
            while x < area.maxX {
                let index = y * width + x
                cells[index].style = style.layered(over: cells[index].style)
                if cells[index].isWide, x + 1 < width {
                    cells[index + 1].style = cells[index].style
                    x += 2
                } else {
                    x += 1
                }
            }
        }
    }

    /// Writes `count` copies of a one-column `character` from (`x`, `y`) rightwards: rules,
    /// bars and meters.
    public mutating func horizontalLine(x: Int, y: Int, width count: Int, character: Character, style: Style) {
        // The character is sanitised once, not once per column.
        guard let grapheme = TextSanitizer.sanitize(character), grapheme.width == 1 else {
            put(String(repeating: String(character), count: max(count, 0)), x: x, y: y, style: style, maxWidth: count)
            return
        }
        guard y >= 0, y < height else { return }
        for column in max(x, 0) ..< max(min(width, x + count), max(x, 0)) {
            place(Cell(grapheme, style: style.layered(over: self[column, y].style)), x: column, y: y)
        }
    }

    /// Writes `count` copies of a one-column `character` from (`x`, `y`) downwards.
    public mutating func verticalLine(x: Int, y: Int, height count: Int, character: Character, style: Style) {
        guard let grapheme = TextSanitizer.sanitize(character), grapheme.width == 1 else {
            for row in y ..< y + max(count, 0) {
                put(String(character), x: x, y: row, style: style, maxWidth: 1)
            }
            return
        }
        guard x >= 0, x < width else { return }
        for row in max(y, 0) ..< max(min(height, y + count), max(y, 0)) {
            place(Cell(grapheme, style: style.layered(over: self[x, row].style)), x: x, y: row)
        }
    }
}
