/// A width × height grid of cells that views draw into and surfaces show.
///
/// Views never talk to the terminal: they draw a whole frame into a buffer (`put`, `fill`,
/// `restyle`, `drawBox`), and the surface shows it, writing only what changed since the
/// previous frame. The buffer is a value, so a finished frame can be kept, compared and
/// tested. Drawing outside the grid is clipped, never an error.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    /// The cells, row by row from the top-left.
    public internal(set) var cells: [Cell]

    /// A buffer of blank cells in `style`.
    public init(size: Size, style: Style = .plain) {
        self.size = size
        cells = Array(repeating: .blank(style), count: size.width * size.height)
    }

    public init(width: Int, height: Int, style: Style = .plain) {
        self.init(size: Size(width: width, height: height), style: style)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x` of row `y`, which must be inside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x),\(y)) outside \(size)")
        return cells[y * width + x]
    }

    /// The cell at column `x` of row `y`, nil outside the grid.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Blanks every cell in `style`.
    public mutating func clear(style: Style = .plain) {
        cells = Array(repeating: .blank(style), count: cells.count)
    }

    /// The text of row `y`, one entry per grapheme (continuation cells add nothing), so a
    /// row always has the display width of the buffer.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for cell in cells[(y * width) ..< ((y + 1) * width)] where !cell.isContinuation {
            text += cell.text
        }
        return text
    }

    /// Every row's text, top to bottom: what a test compares a screen against.
    public var lines: [String] { (0 ..< height).map(line) }

    /// A buffer of `newSize` holding this one's top-left part; a wide grapheme cut by the new
    /// right edge becomes a space.
    public func resized(to newSize: Size) -> ScreenBuffer {
        var result = ScreenBuffer(size: newSize)
        for y in 0 ..< min(height, newSize.height) {
            for x in 0 ..< min(width, newSize.width) {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                if cell.isWide && x + 1 >= newSize.width {
                    result.place(.blank(cell.style), x: x, y: y)
                } else {
                    result.place(cell, x: x, y: y)
                }
            }
        }
        return result
    }

    /// Writes `cell` at (`x`, `y`), keeping wide graphemes whole: a wide grapheme whose half is
    /// overwritten loses its other half to a space. A wide `cell` needs room for both halves.
    mutating func place(_ cell: Cell, x: Int, y: Int) {
        let span = max(cell.width, 1)
        guard y >= 0, y < height, x >= 0, x + span <= width else { return }
        let row = y * width
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = .blank(cells[row + x - 1].style)
        }
        let last = x + span - 1
        if cells[row + last].isWide, last + 1 < width {
            cells[row + last + 1] = .blank(cells[row + last + 1].style)
        }
        cells[row + x] = cell
        if span == 2 { cells[row + x + 1] = .continuation(cell.style) }
    }
}
