import MSRModel

/// A line with its wrapping peeled off: the change event, its schema, and the key and offset of
/// the Kafka record it came in, when it came in one.
///
/// Debezium logs reach msr in three shapes, told apart by their members:
/// - the bare event `{before, after, source, op, ts_ms}` (Debezium Server, `schemas.enable=false`);
/// - the event under `{schema, payload}` (the JSON converter with schemas);
/// - a Kafka record `{key, value}` (or `{key, payload}`, as `kcat -J` writes it) whose value is
///   one of the above, possibly as a JSON string, and may be null (a tombstone).
///
/// Inside any of these the value may be a flattened record or a CloudEvent, read as the change
/// event it stands for; records of Debezium's other topics (transaction markers, heartbeats,
/// schema changes and history) may share the log when topics were dumped together, and are
/// skipped, not refused (`DebeziumShapes`).
struct DebeziumEnvelope {
    /// The change event; nil when the line is skipped.
    var payload: JSONObject?
    /// Why the line is skipped, when it has no event.
    var skip: DebeziumLine.SkipReason?
    /// The schema of the event, when the line carried one.
    var schema: JSONObject?
    /// The fields of the record's key; nil when there is no key.
    var key: JSONObject?
    var keySchema: JSONObject?
    /// The Kafka offset and partition of the record, when the line gives them.
    var offset: Int64?
    var partition: Int64?

    typealias Problem = DebeziumLineError.Problem

    static func unwrap(_ root: JSONValue) throws(Problem) -> DebeziumEnvelope {
        guard case .object(let top) = root else { throw .notAnObject(found: root.kindName) }
        if top.contains("op") { return DebeziumEnvelope(payload: top) }
        if top.contains("value") || (top.contains("key") && top.contains("payload")) {
            return try unwrapRecord(top)
        }
        if top.contains("payload") { return try unwrapValue(top, field: "payload") }
        return try event(top, schema: nil)
    }

    /// A Kafka record: its value is the event, its key names the row. A tombstone's key is not
    /// read, since the line is skipped anyway.
    static func unwrapRecord(_ record: JSONObject) throws(Problem) -> DebeziumEnvelope {
        let valueField = record.contains("value") ? "value" : "payload"
        let raw: JSONValue?
        do {
            raw = try embedded(record[valueField], field: valueField)
        } catch {
            // A value written by another converter (Avro, the StringConverter) as text.
            guard case .notJSON(_, let e) = error else { throw error }
            throw .unreadableShape("\(valueField) is not JSON (\(e)); msr reads the JSON converter's output: "
                                   + "set value.converter=org.apache.kafka.connect.json.JsonConverter")
        }
        guard let value = raw else {
            return DebeziumEnvelope(skip: .tombstone)
        }
        guard case .object(let v) = value else {
            throw .wrongShape(field: valueField, expected: "an object or null", found: value.kindName)
        }
        var envelope = try unwrapValue(v, field: valueField)
        guard envelope.payload != nil else { return envelope }
        (envelope.key, envelope.keySchema) = try unwrapKey(record["key"])
        envelope.offset = try integer(record, "offset")
        envelope.partition = try integer(record, "partition")
        return envelope
    }

    /// The key's fields and schema: the key is a plain object, or `{schema, payload}`.
    /// A key that is not JSON (the StringConverter's `Struct{id=1}`) is passed over: the row
    /// image names the key too.
    static func unwrapKey(_ raw: JSONValue?) throws(Problem) -> (fields: JSONObject?, schema: JSONObject?) {
        if case .string(let text)? = raw, (try? JSONParser.parse(text)) == nil { return (nil, nil) }
        guard let key = try embedded(raw, field: "key") else { return (nil, nil) }
        guard case .object(let k) = key else {
            throw .wrongShape(field: "key", expected: "an object or null", found: key.kindName)
        }
        guard k.count == 2, k.contains("schema"), let payload = k["payload"] else { return (k, nil) }
        switch payload {
        case .null: return (nil, nil)
        case .object(let fields): return (fields, k["schema"]?.objectValue)
        default: throw .wrongShape(field: "key.payload", expected: "an object or null", found: payload.kindName)
        }
    }

    /// A record value: the bare event, or the event under `{schema, payload}`.
    static func unwrapValue(_ value: JSONObject, field: String) throws(Problem) -> DebeziumEnvelope {
        if value.contains("op") { return DebeziumEnvelope(payload: value) }
        guard let payload = value["payload"] else { return try event(value, schema: nil) }
        switch payload {
        case .null: return DebeziumEnvelope(skip: .tombstone)
        case .object(let p): return try event(p, schema: value["schema"]?.objectValue)
        default:
            throw .wrongShape(field: field == "payload" ? "payload" : "\(field).payload",
                              expected: "an object or null", found: payload.kindName)
        }
    }

    /// The change event `object` (read from a flattened record or a CloudEvent when it is
    /// one), or a skipped record of another Debezium topic.
    static func event(_ object: JSONObject, schema: JSONObject?) throws(Problem) -> DebeziumEnvelope {
        if object.contains("op") { return DebeziumEnvelope(payload: object, schema: schema) }
        // Flattened rows first: a table may well have a column named `ddl` or `status`.
        if DebeziumShapes.isFlattened(object) {
            let (event, envelopeSchema) = try DebeziumShapes.flattenedEvent(object, schema: schema)
            return DebeziumEnvelope(payload: event, schema: envelopeSchema)
        }
        if DebeziumShapes.isCloudEvent(object) {
            let (event, inner) = try DebeziumShapes.cloudEvent(object)
            return DebeziumEnvelope(payload: event, schema: inner)
        }
        if let skip = DebeziumShapes.skipReason(object, schema: schema) { return DebeziumEnvelope(skip: skip) }
        throw .unreadableShape(DebeziumShapes.advice)
    }

    /// A member that tools may write either as JSON or as a string holding JSON; nil when it is
    /// absent or null.
    static func embedded(_ value: JSONValue?, field: String) throws(Problem) -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        guard case .string(let text) = value else { return value }
        do {
            let inner = try JSONParser.parse(text)
            return inner.isNull ? nil : inner
        } catch {
            throw .notJSON(field: field, error)
        }
    }

    static func integer(_ record: JSONObject, _ name: String) throws(Problem) -> Int64? {
        guard let value = record[name], !value.isNull else { return nil }
        guard let n = value.int64Value else {
            throw .wrongShape(field: name, expected: "an integer", found: value.kindName)
        }
        return n
    }
}
