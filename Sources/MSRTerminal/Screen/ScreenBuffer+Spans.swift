/// Writing a run of one row's cells at once: printable ASCII text, the commonest thing a view
/// writes, and spans of cells copied from an earlier frame, so a view can keep a line it drew
/// before and put it back without drawing it again.
extension ScreenBuffer {
    /// The one-character strings of the printable ASCII bytes, made once.
    private static let asciiText: [String] = (0 ..< 128).map { String(Unicode.Scalar(UInt8($0))) }

    /// `put` of text that is all printable ASCII (one column per byte, nothing to sanitise),
    /// without splitting it into graphemes first; nil when the text is anything else.
    mutating func putPrintableASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            let strings = Self.asciiText
            let first = max(x, 0)
            let end = min(limit, x + bytes.count)
            let row = y * width
            if first < end { breakWideGraphemes(atEdgesOf: first ..< end, y: y) }
            var column = first
            while column < end {
                let index = row + column
                cells[index] = Cell(text: strings[Int(bytes[column - x])], width: 1,
                                    style: style.layered(over: cells[index].style))
                column += 1
            }
            return max(end, x)
        }
    }

    /// Before `columns` of row `y` are overwritten one cell each: a wide grapheme with one half
    /// inside and the other outside loses the outside half to a space, as `place` does.
    mutating func breakWideGraphemes(atEdgesOf columns: Range<Int>, y: Int) {
        guard !columns.isEmpty else { return }
        let row = y * width
        if cells[row + columns.lowerBound].isContinuation, columns.lowerBound > 0 {
            let left = row + columns.lowerBound - 1
            cells[left] = .blank(cells[left].style)
        }
        if cells[row + columns.upperBound - 1].isWide, columns.upperBound < width {
            let right = row + columns.upperBound
            cells[right] = .blank(cells[right].style)
        }
    }

    /// The `count` cells of row `y` from column `x` (clipped to the grid): a span to `paste`
    /// back later.
    public func span(x: Int, y: Int, count: Int) -> [Cell] {
        guard y >= 0, y < height else { return [] }
        let first = max(x, 0), end = min(width, x + count)
        guard first < end else { return [] }
        return Array(cells[(y * width + first) ..< (y * width + end)])
    }

    /// Writes `span` into row `y` from column `x`, exactly as it was read (styles are not
    /// layered), clipped to the grid. Wide graphemes stay whole: one cut by either end of the
    /// span, in the buffer or in the span, becomes a space.
    public mutating func paste(_ span: [Cell], x: Int, y: Int) {
        guard y >= 0, y < height else { return }
        let skip = max(0, -x)
        let first = x + skip, end = min(width, x + span.count)
        guard first < end else { return }
        breakWideGraphemes(atEdgesOf: first ..< end, y: y)
        let row = y * width
        for column in first ..< end { cells[row + column] = span[column - x] }
        if cells[row + first].isContinuation { cells[row + first] = .blank(cells[row + first].style) }
        if cells[row + end - 1].isWide { cells[row + end - 1] = .blank(cells[row + end - 1].style) }
    }
}
