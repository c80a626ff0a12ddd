/// The primary-key values of one row, in the order of the table's key columns.
public struct RowKey: Hashable, Comparable, Sendable {
    public var values: [Value]

    public init(_ values: [Value]) { self.values = values }

    public static func < (lhs: RowKey, rhs: RowKey) -> Bool {
        let n = min(lhs.values.count, rhs.values.count)
        for i in 0..<n {
            let o = Value.order(lhs.values[i], rhs.values[i])
            if o != 0 { return o < 0 }
        }
        return lhs.values.count < rhs.values.count
    }
}

extension RowKey: CustomStringConvertible {
    public var description: String {
        values.count == 1 ? values[0].description : "(" + values.map(\.description).joined(separator: ", ") + ")"
    }
}
