import Foundation
import MSRModel

/// Which rows a pane shows, or a breakpoint watches: free text, or column conditions.
///
/// Written as terms separated by spaces, all of which must hold: `moving` (any cell contains
/// the text, ignoring case), `status=moving`, `side!=RED`, `speed>20`, `fuel<=10.5`,
/// `callsign~alpha` (contains). Cells compare as the grid shows them (`TypedValueOrder`):
/// numbers and decimals by value, dates and times chronologically, everything else as text, by
/// its UTF-8 bytes (`<`, `>` exactly; the others after `String.caseFolded`), never by Unicode
/// equivalence: `é` composed and decomposed, or `K` and the Kelvin sign, are different text, as
/// they are to the database.
public struct RowFilter: Sendable, CustomStringConvertible {
    public enum Comparison: String, Sendable, CaseIterable {
        case notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", equal = "=", less = "<", greater = ">", contains = "~"
    }

    public enum Term: Sendable {
        case text(String)
        case column(Int, Comparison, String)
    }

    public let terms: [Term]
    public let description: String
    /// Each column's type, so a cell is compared as it is shown.
    let types: [ColumnType]
    /// Each term's value, read once as a number, a decimal and a time (`TypedValueOrder`).
    let operands: [TypedValueOrder.Operand]

    public init(parsing text: String, columns: [ColumnSchema]) throws(RowFilterError) {
        var terms: [Term] = []
        for word in text.utf8.split(separator: UInt8(ascii: " ")) {
            let w = String(decoding: word, as: UTF8.self)
            if let (name, op, value) = RowFilter.split(w) {
                guard let index = RowFilter.column(named: name, in: columns) else {
                    throw RowFilterError(message: "There is no column '\(name)'; the columns are " + columns.map(\.name).joined(separator: ", ") + ".")
                }
                terms.append(.column(index, op, value))
            } else {
                terms.append(.text(w.caseFolded))
            }
        }
        guard !terms.isEmpty else { throw RowFilterError(message: "The filter is empty; type text, or column=value, column>value.") }
        self.terms = terms
        self.description = text
        self.types = columns.map(\.type)
        self.operands = terms.map { term in
            if case .column(_, _, let value) = term { return TypedValueOrder.Operand(value) }
            return TypedValueOrder.Operand("")
        }
    }

    /// The column a user typed: its exact bytes, else ignoring case; else, when exactly one
    /// column's name is canonically equivalent (a terminal may send `é` composed for a name
    /// that has it decomposed), that one.
    static func column(named name: String, in columns: [ColumnSchema]) -> Int? {
        if let i = columns.firstIndex(where: { $0.name.utf8Equal(name) }) { return i }
        let folded = name.caseFolded
        if let i = columns.firstIndex(where: { $0.name.caseFolded.utf8Equal(folded) }) { return i }
        for same in [{ (c: String) in c == name }, { (c: String) in c.caseFolded == folded }] {
            let equivalent = columns.indices.filter { same(columns[$0].name) }
            if !equivalent.isEmpty { return equivalent.count == 1 ? equivalent[0] : nil }
        }
        return nil
    }

    /// Splits a term at its operator, by bytes: a `Character` would join an operator with a
    /// combining mark after it (`=` U+0301) and hide it.
    private static func split(_ w: String) -> (String, Comparison, String)? {
        let bytes = Array(w.utf8)
        for op in Comparison.allCases {
            let o = Array(op.rawValue.utf8)
            guard bytes.count >= o.count,
                  let i = (0...(bytes.count - o.count)).first(where: { bytes[$0..<($0 + o.count)].elementsEqual(o) }),
                  i > 0 else { continue }
            return (String(decoding: bytes[..<i], as: UTF8.self), op, String(decoding: bytes[(i + o.count)...], as: UTF8.self))
        }
        return nil
    }

    public func matches(_ row: Row) -> Bool {
        terms.indices.allSatisfy { n in
            switch terms[n] {
            case .text(let t):
                return row.values.indices.contains { shown(row[$0], $0).caseFolded.utf8Contains(t) }
            case .column(let i, let op, _):
                return RowFilter.compare(row[i], op, operands[n], type: i < types.count ? types[i] : .unknown)
            }
        }
    }

    private func shown(_ cell: Value, _ column: Int) -> String {
        column < types.count ? ValueFormatter.format(cell, as: types[column]) : cell.description
    }

    static func compare(_ cell: Value, _ op: Comparison, _ text: String, type: ColumnType = .unknown) -> Bool {
        compare(cell, op, TypedValueOrder.Operand(text), type: type)
    }

    static func compare(_ cell: Value, _ op: Comparison, _ operand: TypedValueOrder.Operand, type: ColumnType) -> Bool {
        let text = operand.text
        let shown = { cell.isNull ? "" : ValueFormatter.format(cell, as: type) }
        if op == .contains { return shown().caseFolded.utf8Contains(text.caseFolded) }
        let order: Int
        switch TypedValueOrder.compare(cell, type, with: operand) {
        case .less: order = -1
        case .equal: order = 0
        case .greater: order = 1
        case .unordered: return op == .notEqual
        case .byText:
            let s = shown()
            order = s.utf8Compare(text)
            if op == .equal || op == .notEqual {
                let same = s.caseFolded.utf8Equal(text.caseFolded) || (cell.isNull && text.caseFolded == "null")
                return op == .equal ? same : !same
            }
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        case .contains: return false
        }
    }
}

extension Value {
    /// The value as a number, when it is one.
    var numeric: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return Double(s)
        default: return nil
        }
    }
}

/// A filter msr cannot read, said in one sentence.
public struct RowFilterError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
