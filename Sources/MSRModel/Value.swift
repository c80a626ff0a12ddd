/// One cell of a row, as the source sent it.
///
/// Values keep the shape they were ingested with, so that `msr state --format ndjson` can give
/// them back unchanged; readable rendering (times, decimals) is `ValueFormatter`'s job.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    /// A nested JSON object or array, kept as its compact JSON text.
    case json(String)

    /// The string Debezium puts in a column whose value it did not read (an unchanged TOAST
    /// value, say); at ingest such a column keeps the value it had before.
    public static let unavailablePlaceholder = "__debezium_unavailable_value"

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// True for the Debezium placeholder, which stands for "unchanged, not sent".
    public var isUnavailable: Bool {
        if case .string(let s) = self { return s == Value.unavailablePlaceholder }
        return false
    }

    /// Ranks the kinds of value for the total order used by keys and sorting.
    private var kindRank: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .int, .double: return 2
        case .string: return 3
        case .json: return 4
        }
    }
}

extension Value: Comparable {
    /// A total order: null, then booleans, then numbers (integers and doubles compared by
    /// value), then strings, then JSON text. Equal numbers of different kinds put the integer
    /// first so the order agrees with `==`.
    public static func < (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return a < b || (a.isNaN && !b.isNaN)
        case (.int(let a), .double(let b)):
            let da = Double(a)
            return da < b || (da == b)
        case (.double(let a), .int(let b)):
            return a < Double(b)
        case (.string(let a), .string(let b)): return a < b
        case (.json(let a), .json(let b)): return a < b
        default: return lhs.kindRank < rhs.kindRank
        }
    }
}

extension Value: CustomStringConvertible {
    /// Plain text of the value: what a table cell shows when no column type says more.
    public var description: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Value.formatDouble(d)
        case .string(let s): return s
        case .json(let j): return j
        }
    }

    static func formatDouble(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return String(d) }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return String(d)
    }
}
