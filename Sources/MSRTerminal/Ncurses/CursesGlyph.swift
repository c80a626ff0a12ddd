/// What to hand ncurses for one cell: the code points for `setcchar`, and the one-column
/// characters to write in the columns after it.
///
/// ncurses and the terminal measure characters with the C library's `wcwidth`, which can
/// disagree with the buffer's widths (an emoji with variation selector 16 is two columns to
/// the buffer, one to glibc) or fail outright (anything non-ASCII without a UTF-8 locale).
/// Whenever they disagree, the cell is written in a form the C library measures the same way,
/// padded with spaces, so the columns after it stay where the buffer put them.
struct CursesGlyph: Hashable, Sendable {
    /// Code points: a spacing character then combining ones; at most `maximumScalars`.
    var scalars: [UInt32]
    /// One-column characters for the following columns, in the same style: spaces padding a
    /// glyph the C library measures narrower, or a flag's second letter.
    var trailing: [UInt32]

    /// curses' CCHARW_MAX: how many code points one cell (`cchar_t`) holds.
    static let maximumScalars = 5

    /// The glyph for `cell`, measuring code points with `measure` (`wcwidth` in use).
    static func make(for cell: Cell, measure: (UInt32) -> Int) -> CursesGlyph {
        let all = cell.text.unicodeScalars.map(\.value)
        guard let first = all.first else { return CursesGlyph(scalars: [0x20], trailing: spaces(cell.width - 1)) }
        if isRegionalIndicator(first) {
            // A flag: the two letters of its country code fill the same two columns anywhere.
            let letters = all.filter(isRegionalIndicator).prefix(cell.width).map { $0 - 0x1F1E6 + 0x41 }
            let trailing = Array(letters.dropFirst()) + spaces(cell.width - letters.count)
            return CursesGlyph(scalars: [letters[0]], trailing: trailing)
        }
        let firstWidth = measure(first)
        let rest = all.dropFirst()
        // Code points the C library sees as spacing would take columns of their own (the later
        // people of a ZWJ family emoji): then keep only the true combining marks.
        let marks = rest.allSatisfy { measure($0) == 0 }
            ? Array(rest)
            : rest.filter { measure($0) == 0 && $0 != 0x200D && $0 != 0xFE0F }
        if firstWidth == cell.width {
            return CursesGlyph(scalars: Array(([first] + marks).prefix(maximumScalars)), trailing: [])
        }
        if firstWidth >= 1, firstWidth < cell.width {
            // Variation selector 16 would make some terminals draw it wide after all.
            let narrow = [first] + marks.filter { $0 != 0xFE0F }
            return CursesGlyph(scalars: Array(narrow.prefix(maximumScalars)), trailing: spaces(cell.width - firstWidth))
        }
        return CursesGlyph(scalars: [0x3F], trailing: spaces(cell.width - 1))
    }

    private static func spaces(_ count: Int) -> [UInt32] { Array(repeating: 0x20, count: max(count, 0)) }

    private static func isRegionalIndicator(_ scalar: UInt32) -> Bool { (0x1F1E6 ... 0x1F1FF).contains(scalar) }
}
