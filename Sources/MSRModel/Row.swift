/// One row of a table: a value per column, in the order of the table's columns.
///
/// A row may be shorter than the table's column list (columns added later); the missing cells
/// read as null.
public struct Row: Hashable, Sendable {
    public var values: [Value]

    public init(_ values: [Value]) { self.values = values }

    public subscript(column: Int) -> Value {
        get { column < values.count ? values[column] : .null }
        set {
            if column >= values.count {
                if newValue.isNull { return }
                values.append(contentsOf: repeatElement(.null, count: column - values.count + 1))
            }
            values[column] = newValue
        }
    }

    /// The key of this row for the given key columns.
    public func key(_ keyColumns: [Int]) -> RowKey {
        RowKey(keyColumns.map { self[$0] })
    }

    /// Whether two rows hold the same values, treating missing trailing cells as null.
    public func sameCells(as other: Row) -> Bool {
        let n = max(values.count, other.values.count)
        for i in 0..<n where self[i] != other[i] { return false }
        return true
    }

    /// Indexes of the columns whose values differ between the two rows.
    public func changedColumns(from other: Row) -> [Int] {
        let n = max(values.count, other.values.count)
        return (0..<n).filter { self[$0] != other[$0] }
    }
}
