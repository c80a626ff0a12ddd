/// Renders cell values readably, using the column's type.
///
/// Debezium sends dates as day numbers, times as counts since midnight and decimals as base64
/// bytes; `Value` keeps them that way so they can be given back unchanged, and this is where
/// they become `2026-03-01`, `10:15:00.250` and `1234.50`. A value that does not fit its type
/// (a string in a date column, bad base64) is shown as it is rather than hidden.
public enum ValueFormatter {
    /// Semantic type names, as Debezium and Kafka Connect write them.
    enum Semantic {
        static let date = "io.debezium.time.Date"
        static let time = "io.debezium.time.Time"
        static let microTime = "io.debezium.time.MicroTime"
        static let nanoTime = "io.debezium.time.NanoTime"
        static let timestamp = "io.debezium.time.Timestamp"
        static let microTimestamp = "io.debezium.time.MicroTimestamp"
        static let nanoTimestamp = "io.debezium.time.NanoTimestamp"
        static let decimal = "org.apache.kafka.connect.data.Decimal"
        static let variableScaleDecimal = "io.debezium.data.VariableScaleDecimal"
        static let connectDate = "org.apache.kafka.connect.data.Date"
        static let connectTime = "org.apache.kafka.connect.data.Time"
        static let connectTimestamp = "org.apache.kafka.connect.data.Timestamp"
    }

    /// The value as a table cell shows it.
    public static func format(_ value: Value, as type: ColumnType) -> String {
        // The placeholder happens to be valid URL-safe base64, so it must not reach the decimals.
        guard let semantic = type.semantic, !value.isUnavailable else { return value.description }
        switch (semantic, value) {
        case (Semantic.date, .int(let days)), (Semantic.connectDate, .int(let days)):
            // Beyond a few million years the calendar arithmetic would overflow.
            return days.magnitude < 1_000_000_000 ? date(days: days) : value.description
        case (Semantic.time, .int(let ms)), (Semantic.connectTime, .int(let ms)):
            return timeOfDay(ms, perSecond: 1000)
        case (Semantic.microTime, .int(let us)):
            return timeOfDay(us, perSecond: 1_000_000)
        case (Semantic.nanoTime, .int(let ns)):
            return timeOfDay(ns, perSecond: 1_000_000_000)
        case (Semantic.timestamp, .int(let ms)), (Semantic.connectTimestamp, .int(let ms)):
            return Timestamp(millis: ms).iso8601
        case (Semantic.microTimestamp, .int(let us)):
            return Timestamp(micros: us).iso8601
        case (Semantic.nanoTimestamp, .int(let ns)):
            return nanoTimestamp(ns)
        case (Semantic.decimal, .string(let base64)):
            let scale = type.parameters["scale"].flatMap { Int($0) } ?? 0
            return DecimalText.render(base64: base64, scale: scale) ?? value.description
        case (Semantic.variableScaleDecimal, .json(let text)):
            return DecimalText.renderVariableScale(json: text) ?? value.description
        default:
            return value.description
        }
    }

    /// Whether the cell holds a number, so a grid can right-align it: integers, doubles and
    /// decimals, but not dates and times, which are numbers only on the wire.
    public static func isNumeric(_ type: ColumnType, _ value: Value) -> Bool {
        switch (type.semantic, value) {
        case (nil, .int), (nil, .double): return true
        case (Semantic.decimal?, .string(let s)): return !s.isEmpty && !value.isUnavailable
        case (Semantic.variableScaleDecimal?, .json): return true
        case (let semantic?, .int), (let semantic?, .double): return !isTemporal(semantic)
        default: return false
        }
    }

    /// Whether the column holds dates or times (shown readably, in the grid's time colour).
    public static func isTemporal(_ type: ColumnType) -> Bool {
        type.semantic.map(isTemporal) ?? false
    }

    static func isTemporal(_ semantic: String) -> Bool {
        semantic.hasPrefix("io.debezium.time.") || semantic == Semantic.connectDate
            || semantic == Semantic.connectTime || semantic == Semantic.connectTimestamp
    }

    /// `YYYY-MM-DD` of a day count since 1970-01-01.
    static func date(days: Int64) -> String {
        let (y, m, d) = CivilDate.fromDays(days)
        return "\(y < 0 ? "-" + pad(-y, 4) : pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// `HH:MM:SS` of a count of `perSecond` units since midnight, with the fraction when there is
    /// one, shown in groups of three digits like `Timestamp.iso8601`.
    static func timeOfDay(_ count: Int64, perSecond: Int64) -> String {
        let (secs, frac) = Timestamp.floorDivide(count, perSecond)
        let h = secs / 3600, m = secs / 60 % 60, s = secs % 60
        return "\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2))" + fraction(frac, perSecond: perSecond)
    }

    /// ISO-8601 of nanoseconds since the epoch, keeping nanoseconds `Timestamp` cannot hold.
    static func nanoTimestamp(_ ns: Int64) -> String {
        let (secs, frac) = Timestamp.floorDivide(ns, 1_000_000_000)
        let whole = Timestamp(micros: secs &* 1_000_000).iso8601
        return whole.dropLast() + fraction(frac, perSecond: 1_000_000_000) + "Z"
    }

    /// `.fff`, `.ffffff` or `.fffffffff`: the fewest groups of three digits that show `frac`
    /// exactly; empty for zero.
    static func fraction(_ frac: Int64, perSecond: Int64) -> String {
        guard frac != 0 else { return "" }
        var digits = 0, unit = perSecond
        while unit > 1 { unit /= 10; digits += 1 }
        var text = pad(frac, digits)
        while text.count > 3, text.hasSuffix("000") { text.removeLast(3) }
        return "." + text
    }
}
