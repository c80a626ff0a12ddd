import MSRModel
import MSRTerminal

/// What one cell of the grid shows, worked out once per row value: its text, how wide it is,
/// and what the layout and the colours need to know about it, so neither formats it again.
struct GridCellText {
    /// The readable value, `∅` for NULL (`GridColumns.cellText`).
    var text: String
    /// Columns the text takes.
    var width: Int
    var isNull: Bool
    /// A number: right-aligned, its point in line with the column's (`ValueFormatter.isNumeric`).
    var isNumber: Bool
    var isTemporal: Bool
    /// Digits after the point when the text is a plain number (`GridColumns.decimals`).
    var decimals: Int
    /// Digits after the first point, nil without one: what `GridColumns.aligned` pads from.
    private var pointDigits: Int?

    init(_ value: Value, _ type: ColumnType) {
        text = GridColumns.cellText(value, type)
        width = DisplayWidth.of(text)
        isNull = value.isNull
        isNumber = ValueFormatter.isNumeric(type, value)
        isTemporal = ValueFormatter.isTemporal(type)
        decimals = isNumber ? GridColumns.decimals(text) : 0
        pointDigits = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
    }

    /// Spaces `GridColumns.aligned` adds to line the point up with `decimals` digits.
    func padding(decimals: Int) -> Int {
        guard decimals > 0 else { return 0 }
        return max(0, pointDigits.map { decimals - $0 } ?? decimals + 1)
    }

    /// Columns the cell takes in a column of `decimals`: numbers with their padding.
    func shownWidth(decimals: Int) -> Int {
        isNumber ? width + padding(decimals: decimals) : width
    }

    /// The text as the column shows it: numbers padded so their points line up.
    func shown(decimals: Int) -> String {
        guard isNumber else { return text }
        let pad = padding(decimals: decimals)
        return pad > 0 ? text + String(repeating: " ", count: pad) : text
    }
}

/// A row's cell texts, each made the first time a column of it is shown.
final class FormattedRow {
    let row: Row
    private let types: [ColumnType]
    private var cells: [GridCellText?]

    init(_ row: Row, types: [ColumnType]) {
        self.row = row
        self.types = types
        cells = Array(repeating: nil, count: types.count)
    }

    /// The text of column `column`.
    subscript(column: Int) -> GridCellText {
        if let made = cells[column] { return made }
        let made = GridCellText(row[column], types[column])
        cells[column] = made
        return made
    }
}
