import Foundation

/// One cell a surface has to write to bring the screen up to date.
public struct CellChange: Hashable, Sendable {
    public let x: Int
    public let y: Int
    public let cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// Computes what changed between two frames, so a surface writes only those cells.
///
/// Kept apart from any terminal so the double buffering can be tested without one: the
/// ncurses surface writes exactly `changes(from: previous, to: next)`.
public enum ScreenDiff {
    /// The cells of `new` that differ from `old`, row by row from the top-left. Continuation
    /// cells are never listed: writing a wide grapheme covers its right half, and whenever a
    /// right half changes, so does the cell to its left. With no `old` frame, or one of another
    /// size (after a resize), every cell is listed.
    public static func changes(from old: ScreenBuffer?, to new: ScreenBuffer) -> [CellChange] {
        var changes: [CellChange] = []
        let comparable = old.flatMap { $0.size == new.size ? $0 : nil }
        for y in 0 ..< new.height {
            let row = y * new.width
            if let comparable, sameBits(comparable.cells, new.cells, from: row, count: new.width) { continue }
            for x in 0 ..< new.width {
                let cell = new.cells[row + x]
                if cell.isContinuation { continue }
                if let comparable {
                    let before = comparable.cells[row + x]
                    let rightHalfChanged = cell.isWide && x + 1 < new.width
                        && comparable.cells[row + x + 1] != new.cells[row + x + 1]
                    if before == cell && !rightHalfChanged { continue }
                }
                changes.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return changes
    }

    /// Whether `count` cells from `start` are bit for bit the same in both arrays: then they
    /// are equal (the same strings, widths and styles), and a row left as it was is passed
    /// over without comparing its cells one by one. Different bits (padding, say) only mean
    /// the cells are compared one by one.
    private static func sameBits(_ a: [Cell], _ b: [Cell], from start: Int, count: Int) -> Bool {
        a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                let stride = MemoryLayout<Cell>.stride
                guard let p = x.baseAddress, let q = y.baseAddress else { return count == 0 }
                return memcmp(p + start * stride, q + start * stride, count * stride) == 0
            }
        }
    }
}
