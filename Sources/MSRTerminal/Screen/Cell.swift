/// One column of one row of the screen: a grapheme and how it looks.
///
/// A wide grapheme (CJK, emoji) occupies two cells: its own, with `width` 2, and a
/// continuation cell to its right with `width` 0 that holds no text. `ScreenBuffer` keeps
/// every pair intact; a half that gets overwritten turns its other half into a space.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, already sanitised; empty for a continuation cell.
    public let text: String
    /// 1, 2 for a wide grapheme, 0 for the right half of a wide grapheme.
    public let width: Int
    public var style: Style

    /// A cell showing a sanitised grapheme (see `TextSanitizer`).
    public init(_ grapheme: DisplayGrapheme, style: Style = .plain) {
        self.init(text: grapheme.text, width: grapheme.width, style: style)
    }

    init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A space in `style`: what cleared and filled areas hold.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(text: " ", width: 1, style: style)
    }

    /// The right half of a wide grapheme whose left half has `style`.
    static func continuation(_ style: Style) -> Cell {
        Cell(text: "", width: 0, style: style)
    }

    /// Whether this cell is the right half of the wide grapheme to its left.
    public var isContinuation: Bool { width == 0 }

    /// Whether this cell starts a two-column grapheme.
    public var isWide: Bool { width == 2 }
}
