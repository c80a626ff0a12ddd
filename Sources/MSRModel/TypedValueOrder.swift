/// Compares cells by what they mean under their column's type, as the grid shows them.
///
/// Debezium sends a decimal as base64 bytes and a timestamp as a count of microseconds, so the
/// order of the stored `Value`s says nothing about the numbers and times a reviewer sees:
/// here a decimal compares by its exact value and a time chronologically, whatever its unit.
/// Filters, breakpoints and sorting use this; keys and change detection do not (they compare
/// what was recorded).
public enum TypedValueOrder {
    /// How a cell stands against a typed value.
    public enum Order: Sendable, Equatable {
        case less, equal, greater
        /// Neither is before the other (a null against a number or a time).
        case unordered
        /// The type says nothing about this pair: compare the cell's text instead.
        case byText

        init<T: Comparable>(_ a: T, _ b: T) {
            self = a < b ? .less : (b < a ? .greater : .equal)
        }
    }

    /// A typed value read once as each kind of value it could be compared as, so a filter
    /// does not parse it again for every row.
    public struct Operand: Sendable {
        public let text: String
        let decimal: DecimalNumber?
        let double: Double?
        let chrono: ChronoPoint?

        public init(_ text: String) {
            self.text = text
            decimal = DecimalNumber(text)
            double = Double(text)
            chrono = ChronoPoint(parsing: text)
        }
    }

    /// How `cell`, in a column of `type`, compares with `text` as a user typed it.
    public static func compare(_ cell: Value, _ type: ColumnType, with text: String) -> Order {
        compare(cell, type, with: Operand(text))
    }

    /// PostgreSQL's date and time types, which pgoutput sends as text.
    static let postgresTemporalKinds: Set<String> = ["date", "time", "timetz", "timestamp", "timestamptz"]
    /// PostgreSQL's exact numbers, sent as decimal text.
    static let postgresDecimalKinds: Set<String> = ["numeric", "decimal"]

    public static func compare(_ cell: Value, _ type: ColumnType, with operand: Operand) -> Order {
        let semantic = type.semantic ?? ""
        if ValueFormatter.isTemporal(semantic) || (type.semantic == nil && postgresTemporalKinds.contains(type.kind)) {
            guard let typed = operand.chrono else { return .byText }
            if cell.isNull { return .unordered }
            guard let point = chronoPoint(cell, semantic: semantic), point.isTimeOfDay == typed.isTimeOfDay else {
                return .byText
            }
            return Order(point, typed)
        }
        if case .double(let d) = cell {
            guard let typed = operand.double else { return .byText }
            // NaN equals only NaN and sorts above every number, as in PostgreSQL; a plain
            // comparison would leave it beside everything.
            if d.isNaN || typed.isNaN { return d.isNaN == typed.isNaN ? .equal : (d.isNaN ? .greater : .less) }
            return Order(d, typed)
        }
        guard let typed = operand.decimal else { return .byText }
        if cell.isNull { return .unordered }
        guard let number = decimal(cell, type) else { return .byText }
        return Order(number, typed)
    }

    /// The value a sorted column orders `cell` by: decimals become text in their numbers'
    /// byte order; everything else already sorts right as stored (times are counts).
    public static func sortValue(_ cell: Value, _ type: ColumnType) -> Value {
        let isDecimal = type.semantic == ValueFormatter.Semantic.decimal || type.semantic == ValueFormatter.Semantic.variableScaleDecimal
            || (type.semantic == nil && postgresDecimalKinds.contains(type.kind))
        guard isDecimal, !cell.isNull else { return cell }
        guard let number = decimal(cell, type) else {
            // Text that is not a decimal (the placeholder, bad base64) sorts after every number.
            return .string("3" + cell.description)
        }
        return .string(number.sortKey)
    }

    /// The exact number a cell shows, when it shows one.
    public static func decimal(_ cell: Value, _ type: ColumnType) -> DecimalNumber? {
        switch cell {
        case .int(let i): return DecimalNumber(i)
        case .string, .json:
            guard !cell.isUnavailable else { return nil }
            return DecimalNumber(ValueFormatter.format(cell, as: type))
        default: return nil
        }
    }

    /// The moment or time of day a cell of a temporal column holds.
    static func chronoPoint(_ cell: Value, semantic: String) -> ChronoPoint? {
        typealias S = ValueFormatter.Semantic
        switch (semantic, cell) {
        case (S.date, .int(let days)), (S.connectDate, .int(let days)):
            guard days.magnitude < 1_000_000_000 else { return nil }
            return ChronoPoint(seconds: days * 86_400, nanos: 0, isTimeOfDay: false)
        case (S.time, .int(let n)), (S.connectTime, .int(let n)): return ChronoPoint(count: n, perSecond: 1000, isTimeOfDay: true)
        case (S.microTime, .int(let n)): return ChronoPoint(count: n, perSecond: 1_000_000, isTimeOfDay: true)
        case (S.nanoTime, .int(let n)): return ChronoPoint(count: n, perSecond: 1_000_000_000, isTimeOfDay: true)
        case (S.timestamp, .int(let n)), (S.connectTimestamp, .int(let n)):
            return ChronoPoint(count: n, perSecond: 1000, isTimeOfDay: false)
        case (S.microTimestamp, .int(let n)): return ChronoPoint(count: n, perSecond: 1_000_000, isTimeOfDay: false)
        case (S.nanoTimestamp, .int(let n)): return ChronoPoint(count: n, perSecond: 1_000_000_000, isTimeOfDay: false)
        case (_, .string(let s)): return ChronoPoint(parsing: s)
        default: return nil
        }
    }
}
