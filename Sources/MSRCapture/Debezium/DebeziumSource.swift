import MSRModel

/// What msr reads from an event's `source` block: the table, the commit time and the members
/// that make the position (`DebeziumPositionFields`).
///
/// The table's schema part is `source.schema`, else `source.db`: MySQL has no schemas, its
/// databases are what tell `tenant_a.t` from `tenant_b.t`.
///
/// `source.snapshot` (`"true"`, `"last"`, `"incremental"`, `"false"` or, before Debezium 1.x, a
/// boolean) is not read: a snapshot row arrives as op `r`, which already says it.
struct DebeziumSource {
    var table: TableName
    var commitTime: Timestamp
    /// Whether the commit time is the event's own (`ts_us`/`ts_ms` beside `source`), because
    /// the source gave none or gave 0 (MySQL's snapshot rows).
    var timeFromEvent = false
    var fields = DebeziumPositionFields()

    typealias Problem = DebeziumLineError.Problem

    /// Reads the source block of `event`; `offset` and `partition` are the Kafka record's, the
    /// position when the source gives none.
    init(event: JSONObject, offset: Int64?, partition: Int64?) throws(Problem) {
        guard let raw = event["source"], !raw.isNull else { throw .missingSource }
        guard case .object(let source) = raw else {
            throw .wrongShape(field: "source", expected: "an object", found: raw.kindName)
        }
        guard let tableValue = source["table"], !tableValue.isNull else { throw .missingTable }
        guard case .string(let name) = tableValue, !name.isEmpty else {
            throw .wrongShape(field: "source.table", expected: "a non-empty string", found: DebeziumSource.describe(tableValue))
        }
        let schema = try DebeziumSource.optionalString(source, "schema")
        let db = try DebeziumSource.optionalString(source, "db")
        table = TableName(schema: schema ?? db, name: name)

        // The source's times are the commit time in the database; the event's own ts_ms is when
        // Debezium processed it, later and less useful, but still orders a log that lacks the
        // former (hand-written test logs, snapshot rows of connectors that give 0). Plain ifs,
        // not `??`, because `??` would lose the typed error of its right side.
        if let time = try DebeziumSource.commitTime(in: source, prefix: "source."), time.micros != 0 {
            commitTime = time
        } else if let time = try DebeziumSource.commitTime(in: event, prefix: "") {
            commitTime = time
            timeFromEvent = true
        } else if let time = try DebeziumSource.commitTime(in: source, prefix: "source.") {
            commitTime = time
        } else {
            throw .missingCommitTime
        }

        fields.lsn = try DebeziumSource.integer(source, "lsn", prefix: "source.")
        fields.sequence = try DebeziumSource.optionalString(source, "sequence")
        fields.file = try DebeziumSource.optionalString(source, "file")
        fields.pos = try DebeziumSource.integer(source, "pos", prefix: "source.")
        fields.row = try DebeziumSource.integer(source, "row", prefix: "source.")
        fields.commitLSN = try DebeziumSource.optionalString(source, "commit_lsn")
        fields.changeLSN = try DebeziumSource.optionalString(source, "change_lsn")
        fields.eventSerial = try DebeziumSource.integer(source, "event_serial_no", prefix: "source.")
        fields.commitSCN = try DebeziumSource.optionalString(source, "commit_scn")
        fields.scn = try DebeziumSource.optionalString(source, "scn")
        fields.ssn = try DebeziumSource.integer(source, "ssn", prefix: "source.")
        fields.server = try DebeziumSource.optionalString(source, "name")
        fields.kafkaOffset = offset
        fields.kafkaPartition = partition
    }

    /// The most precise time the object gives: `ts_us` (Debezium 2.6+), `ts_usec` (0.x),
    /// `ts_ns`, then `ts_ms`. A time outside the range of 64-bit microseconds is refused, never
    /// wrapped.
    static func commitTime(in object: JSONObject, prefix: String) throws(Problem) -> Timestamp? {
        if let us = try integer(object, "ts_us", prefix: prefix) { return Timestamp(micros: us) }
        if let us = try integer(object, "ts_usec", prefix: prefix) { return Timestamp(micros: us) }
        if let ns = try integer(object, "ts_ns", prefix: prefix) {
            let (q, r) = ns.quotientAndRemainder(dividingBy: 1000)
            return Timestamp(micros: r < 0 ? q - 1 : q)
        }
        if let ms = try integer(object, "ts_ms", prefix: prefix) {
            let (us, overflow) = ms.multipliedReportingOverflow(by: 1000)
            guard !overflow else { throw .timeOutOfRange(field: prefix + "ts_ms", ms) }
            return Timestamp(micros: us)
        }
        return nil
    }

    /// An integer member; nil when absent or null. Digits in a string are accepted because
    /// Debezium writes offsets that way in some places (`sourceOffset.lsn`).
    static func integer(_ object: JSONObject, _ key: String, prefix: String) throws(Problem) -> Int64? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .int(let i): return i
        case .string(let s):
            if let i = Int64(s) { return i }
        default:
            if let i = value.int64Value { return i }
        }
        throw .wrongShape(field: prefix + key, expected: "an integer", found: describe(value))
    }

    static func optionalString(_ object: JSONObject, _ key: String) throws(Problem) -> String? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .string(let s): return s
        default: throw .wrongShape(field: "source.\(key)", expected: "a string", found: value.kindName)
        }
    }

    /// The kind of a value, naming the empty string, which is the usual wrong string.
    static func describe(_ value: JSONValue) -> String {
        if case .string(let s) = value, s.isEmpty { return "an empty string" }
        return value.kindName
    }
}

extension SourceChange {
    /// Sets the position from the source's members and the line's digest.
    mutating func place(_ fields: DebeziumPositionFields) throws(DebeziumLineError.Problem) {
        let order = try fields.order()
        position = SourcePosition(order: order, line: DebeziumLineDigest.digest(of: self, order: order))
    }
}
