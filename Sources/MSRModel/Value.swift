/// One cell of a row, as the source sent it.
///
/// Values keep the shape they were ingested with, so that `msr state --format ndjson` can give
/// them back unchanged; readable rendering (times, decimals) is `ValueFormatter`'s job.
///
/// Two values are equal only when they are the same kind and hold exactly the same thing:
/// text by its UTF-8 bytes (never by Unicode canonical equivalence), doubles by their bit
/// pattern (a NaN equals a NaN of the same bits; -0 and 0 differ), and an integer never equals
/// a double. Keys, change detection and de-duplication rely on this.
public enum Value: Sendable {
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

extension Value: Hashable {
    @inlinable
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): return a.utf8Equal(b)
        case (.json(let a), .json(let b)): return a.utf8Equal(b)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
        case .int(let i): hasher.combine(2 as UInt8); hasher.combine(i)
        case .double(let d): hasher.combine(3 as UInt8); hasher.combine(d.bitPattern)
        case .string(let s): hasher.combine(4 as UInt8); s.hashUTF8(into: &hasher)
        case .json(let s): hasher.combine(5 as UInt8); s.hashUTF8(into: &hasher)
        }
    }
}

extension Value: Comparable {
    /// A total order that agrees with `==`: null, then booleans, then numbers, then strings,
    /// then JSON text.
    ///
    /// Numbers sort by exact value, integers and doubles interleaved (a column that mixes them
    /// still sorts numerically); at equal value the integer comes first, and -0 just before 0.
    /// NaNs sort after +Infinity (where PostgreSQL puts them), by bit pattern. Text sorts by its
    /// UTF-8 bytes, which is Unicode code point order.
    public static func < (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return doubleLess(a, b)
        case (.int(let a), .double(let b)): return compare(a, b) <= 0
        case (.double(let a), .int(let b)): return compare(b, a) > 0
        case (.string(let a), .string(let b)): return a.utf8Less(b)
        case (.json(let a), .json(let b)): return a.utf8Less(b)
        default: return lhs.kindRank < rhs.kindRank
        }
    }

    /// -1, 0 or 1 as `lhs` sorts before, is equal to or sorts after `rhs`: `<` and `==` in one
    /// pass, for keys compared value by value.
    @inlinable
    public static func order(_ lhs: Value, _ rhs: Value) -> Int {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a.utf8Compare(b)
        case (.json(let a), .json(let b)): return a.utf8Compare(b)
        default: return lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
        }
    }

    /// Doubles by value, -0 before 0, NaNs last by bit pattern: a total order on bit patterns.
    static func doubleLess(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN {
            if !a.isNaN { return true }
            return b.isNaN && a.bitPattern < b.bitPattern
        }
        // Equal but different bits happens only for the two zeros.
        if a == b { return a.sign == .minus && b.sign == .plus }
        return a < b
    }

    /// -1, 0 or 1 as the integer is below, equal to or above the double, by exact value
    /// (converting the integer to a double would round above 2^53). A NaN is above every integer.
    static func compare(_ i: Int64, _ d: Double) -> Int {
        if d.isNaN { return -1 }
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        if d < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = d.rounded(.towardZero)
        let w = Int64(whole)
        if i != w { return i < w ? -1 : 1 }
        if d == whole { return 0 }
        return d > whole ? -1 : 1
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

    /// A double as text: shortest round-tripping digits, a whole number with `.0`, and the
    /// special values as PostgreSQL spells them (`NaN`, `Infinity`, `-Infinity`); -0 keeps
    /// its sign.
    static func formatDouble(_ d: Double) -> String {
        if let special = specialDoubleText(d) { return special }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return String(d)
    }

    /// `NaN`, `Infinity` or `-Infinity` for those values (PostgreSQL's spelling), nil for a
    /// finite double.
    public static func specialDoubleText(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return nil
    }
}
