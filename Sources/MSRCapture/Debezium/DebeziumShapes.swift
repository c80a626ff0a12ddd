import MSRModel

/// The other shapes a Debezium log takes besides the change event, read or passed over:
/// records flattened by the `ExtractNewRecordState` transform, CloudEvents, and the records
/// of Debezium's other topics (heartbeats, schema changes, schema history, transaction
/// boundaries), which share a dump when topics were read together.
enum DebeziumShapes {
    typealias Problem = DebeziumLineError.Problem

    /// What a line without `op` says when msr cannot read it.
    static let advice = "no op field; not a Debezium change event (msr reads the JSON converter's change events, "
        + "value.converter=org.apache.kafka.connect.json.JsonConverter; records flattened by ExtractNewRecordState "
        + "need transforms.unwrap.add.fields=op,table,source.ts_ms)"

    /// Why a record of another Debezium topic is passed over; nil for anything else.
    static func skipReason(_ object: JSONObject, schema: JSONObject?) -> DebeziumLine.SkipReason? {
        if let status = object["status"]?.stringValue, status == "BEGIN" || status == "END", object.contains("id") {
            return .transaction
        }
        if object.contains("ddl") || object.contains("tableChanges") {
            return object.contains("position") ? .schemaHistory : .schemaChange
        }
        let schemaName = schema?["name"]?.stringValue ?? ""
        if schemaName.hasSuffix("Heartbeat") || (object.count == 1 && object.contains("ts_ms")) { return .heartbeat }
        return nil
    }

    /// The members of `source` a flattened record or a CloudEvent may carry.
    static let sourceMembers = ["table", "schema", "db", "ts_us", "ts_ms", "ts_ns", "lsn", "sequence", "file", "pos", "row",
                                "commit_lsn", "change_lsn", "event_serial_no", "commit_scn", "scn", "ssn"]

    // MARK: ExtractNewRecordState

    /// Whether `object` is a row flattened by `ExtractNewRecordState` with `add.fields`.
    static func isFlattened(_ object: JSONObject) -> Bool {
        object.members.contains { m in
            m.key == "__op" || m.key == "__deleted" || m.key == "__table" || m.key.hasPrefix("__source_")
        }
    }

    /// The change event a flattened record stands for: its `__` members (`__op`, `__deleted`,
    /// `__table`, `__source_ts_ms`, `__lsn`, …) become `op` and `source`, the other members the
    /// row image (the before-image of a delete).
    static func flattenedEvent(_ object: JSONObject, schema: JSONObject?) throws(Problem) -> (event: JSONObject, schema: JSONObject?) {
        var row: [JSONMember] = []
        var meta: [String: JSONValue] = [:]
        for m in object.members {
            guard m.key.hasPrefix("__") else {
                row.append(m)
                continue
            }
            // A member given twice: the first counts, as everywhere else.
            let name = String(m.key.dropFirst(2))
            if meta[name] == nil { meta[name] = m.value }
        }
        var source: [JSONMember] = []
        for name in sourceMembers {
            if let v = meta[name] ?? meta["source_" + name], !v.isNull { source.append(JSONMember(name, v)) }
        }
        guard source.contains(where: { $0.key == "table" }) else {
            throw .unreadableShape("a record flattened by ExtractNewRecordState without __table; "
                                   + "set transforms.unwrap.add.fields=op,table,source.ts_ms")
        }
        let deleted = meta["deleted"].map { $0 == .string("true") || $0 == .bool(true) } ?? false
        var op = meta["op"]?.stringValue ?? "u"
        if deleted { op = "d" }
        let image = JSONValue.object(JSONObject(row))
        var event: [JSONMember] = [JSONMember("op", .string(op)), JSONMember("source", .object(JSONObject(source)))]
        event.append(JSONMember(op == "d" ? "before" : "after", image))
        for name in ["ts_us", "ts_ms", "ts_ns"] {
            if let v = meta[name] { event.append(JSONMember(name, v)) }
        }
        // The flattened schema describes the row itself; as an envelope's it is the after-image's.
        let envelopeSchema = schema.map { s in
            JSONObject([JSONMember("fields", .array([.object(JSONObject(
                [JSONMember("field", .string("after"))] + s.members.filter { $0.key == "fields" }))]))])
        }
        return (JSONObject(event), envelopeSchema)
    }

    // MARK: CloudEvents

    /// Whether `object` is a CloudEvent (structured mode, JSON).
    static func isCloudEvent(_ object: JSONObject) -> Bool {
        object.contains("specversion") && object.contains("data")
    }

    /// The change event inside a CloudEvent: `data` holds the images (bare or under
    /// `{schema, payload}`), the `iodebezium…` attributes the operation and the source.
    static func cloudEvent(_ object: JSONObject) throws(Problem) -> (event: JSONObject, schema: JSONObject?) {
        guard let data = try DebeziumEnvelope.embedded(object["data"], field: "data"), case .object(var images) = data else {
            throw .wrongShape(field: "data", expected: "an object", found: object["data"]?.kindName ?? "missing")
        }
        var schema: JSONObject?
        if case .object(let p)? = images["payload"] {
            schema = images["schema"]?.objectValue
            images = p
        }
        guard let op = object["iodebeziumop"] else {
            throw .unreadableShape("a CloudEvent without iodebeziumop; not a Debezium change event")
        }
        var source: [JSONMember] = []
        for name in sourceMembers {
            let attribute = "iodebezium" + name.replacingOccurrences(of: "_", with: "")
            if let v = object[attribute], !v.isNull { source.append(JSONMember(name, v)) }
        }
        var event: [JSONMember] = [JSONMember("op", op), JSONMember("source", .object(JSONObject(source)))]
        for name in ["before", "after"] {
            if let v = images[name] { event.append(JSONMember(name, v)) }
        }
        return (JSONObject(event), schema)
    }
}
