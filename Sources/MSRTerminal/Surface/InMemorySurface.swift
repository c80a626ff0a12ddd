/// A surface that keeps the last frame in memory: what widget and screen tests draw on and
/// read back, and what a headless scripted run renders to.
public final class InMemorySurface: Surface {
    public private(set) var size: Size
    /// The last frame presented (blank before the first).
    public private(set) var buffer: ScreenBuffer
    /// The cells the last `present` would have written to a terminal (see `ScreenDiff`).
    public private(set) var lastChanges: [CellChange] = []
    /// How many frames were presented.
    public private(set) var presentCount = 0
    private var hasPresented = false

    public init(size: Size) {
        self.size = size
        buffer = ScreenBuffer(size: size)
    }

    public convenience init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public func present(_ frame: ScreenBuffer) {
        let fitted = frame.size == size ? frame : frame.resized(to: size)
        lastChanges = ScreenDiff.changes(from: hasPresented ? buffer : nil, to: fitted)
        buffer = fitted
        hasPresented = true
        presentCount += 1
    }

    /// Simulates the terminal being resized: the next frame is compared against nothing, as
    /// the ncurses surface redraws everything after a resize.
    public func resize(to newSize: Size) {
        size = newSize
        buffer = buffer.resized(to: newSize)
        hasPresented = false
    }

    /// The screen as text, one string per row, each exactly the screen's display width.
    public var lines: [String] { buffer.lines }

    /// The rows with trailing spaces removed, convenient for expected screens in tests.
    public var trimmedLines: [String] {
        lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// The style of the cell at column `x` of row `y` (plain outside the screen).
    public func style(at x: Int, _ y: Int) -> Style {
        buffer.cell(x: x, y: y)?.style ?? .plain
    }

    /// The cell at column `x` of row `y`, nil outside the screen.
    public func cell(at x: Int, _ y: Int) -> Cell? {
        buffer.cell(x: x, y: y)
    }
}
