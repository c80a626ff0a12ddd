import MSRModel

/// One table the exercise generator writes: its name, its columns in row order, and its key.
///
/// A writer needs all three before the first change arrives (to create the table and to know
/// which columns identify a row), so they are static data rather than something discovered
/// from the stream. Column types follow Debezium's JSON converter, so a generated recording
/// reads like one captured from a real connector: times are `io.debezium.time.MicroTimestamp`
/// (µs since the epoch) and percentages are `org.apache.kafka.connect.data.Decimal` with
/// scale 1 (base64 big-endian unscaled bytes).
public struct ExerciseTable: Sendable, Hashable {
    public var name: TableName
    public var columns: [ColumnSchema]
    /// Names of the primary-key columns, in key order.
    public var keyColumnNames: [String]

    public init(name: TableName, columns: [ColumnSchema], keyColumnNames: [String]) {
        self.name = name
        self.columns = columns
        self.keyColumnNames = keyColumnNames
    }

    /// The table as a recording schema under the identifier a store gave it.
    public func schema(id: TableID) -> TableSchema {
        let keys = keyColumnNames.compactMap { key in columns.firstIndex { $0.name == key } }
        return TableSchema(id: id, name: name, columns: columns, keyColumns: keys)
    }
}

extension ExerciseTable {
    /// Every table the generator writes, in a fixed order.
    public static let all: [ExerciseTable] = [units, tracks, orders, alerts, engagements]

    static let units = ExerciseTable.make("units", [
        ("id", .int64), ("callsign", .string), ("side", .string), ("kind", .string),
        ("status", .string), ("lat", .double), ("lon", .double), ("heading", .int32),
        ("speed", .double), ("fuel", .percent), ("strength", .percent), ("updated_at", .time),
    ])

    static let tracks = ExerciseTable.make("tracks", [
        ("id", .int64), ("track_number", .string), ("classification", .string),
        ("platform", .string), ("lat", .double), ("lon", .double), ("course", .int32),
        ("speed", .double), ("reported_by", .int64), ("first_seen", .time), ("last_seen", .time),
    ])

    static let orders = ExerciseTable.make("orders", [
        ("id", .int64), ("unit_id", .int64), ("kind", .string), ("status", .string),
        ("priority", .int32), ("progress", .int32), ("text", .string), ("issued_at", .time),
        ("due_at", .time), ("updated_at", .time),
    ])

    static let alerts = ExerciseTable.make("alerts", [
        ("id", .int64), ("severity", .string), ("category", .string), ("message", .string),
        ("unit_id", .int64), ("track_id", .int64), ("raised_at", .time),
        ("acknowledged", .boolean), ("acked_at", .time), ("acked_by", .string),
    ])

    static let engagements = ExerciseTable.make("engagements", [
        ("id", .int64), ("shooter_id", .int64), ("target_id", .int64), ("weapon", .string),
        ("result", .string), ("range_m", .int32), ("engaged_at", .time), ("assessed", .boolean),
    ])

    private static func make(_ name: String, _ columns: [(String, ExerciseColumnKind)]) -> ExerciseTable {
        ExerciseTable(name: TableName(schema: "public", name: name),
                      columns: columns.map { ColumnSchema(name: $0.0, type: $0.1.columnType) },
                      keyColumnNames: ["id"])
    }
}

/// The handful of Debezium column types the generated tables use (a private enum rather than
/// `ColumnType` statics, so nothing leaks into the rest of the capture module).
private enum ExerciseColumnKind {
    case int64, int32, string, double, boolean, time, percent

    var columnType: ColumnType {
        switch self {
        case .int64: return ColumnType(kind: "int64")
        case .int32: return ColumnType(kind: "int32")
        case .string: return ColumnType(kind: "string")
        case .double: return ColumnType(kind: "double")
        case .boolean: return ColumnType(kind: "boolean")
        case .time: return ColumnType(kind: "int64", semantic: "io.debezium.time.MicroTimestamp")
        case .percent:
            return ColumnType(kind: "bytes", semantic: "org.apache.kafka.connect.data.Decimal",
                              parameters: ["scale": "1"])
        }
    }
}
