import MSRModel

/// A change as Debezium Server's NATS JetStream sink publishes it: the event's value as JSON
/// (no key, no schema), on subject `<prefix>.<schema>.<table>`.
struct DebeziumSinkMessage {
    var subject: String
    var body: String
    var change: SourceChange

    init(_ change: SourceChange, prefix: String = "dbserver1", database: String = "c2") {
        self.change = change
        let table = change.table
        subject = "\(prefix).\(table.schema ?? "public").\(table.name)"
        let us = change.commitTime.micros
        let ms = us / 1000
        var source = "\"version\":\"2.5.0.Final\",\"connector\":\"postgresql\",\"name\":\(JSONText.quote(prefix)),"
        source += "\"ts_ms\":\(ms),\"ts_us\":\(us),\"snapshot\":\(change.op == .read ? "\"true\"" : "\"false\""),"
        source += "\"db\":\(JSONText.quote(database)),\"schema\":\(JSONText.quote(table.schema ?? "public")),"
        source += "\"table\":\(JSONText.quote(table.name)),\"txId\":\(ms % 1_000_000)"
        if let position = change.position?.integer { source += ",\"lsn\":\(position)" }
        source += ",\"xmin\":null"
        body = "{\"before\":\(Self.image(change.before)),\"after\":\(Self.image(change.after)),"
            + "\"source\":{\(source)},\"op\":\"\(change.op.code)\",\"ts_ms\":\(ms + 7),\"transaction\":null}"
    }

    static func image(_ fields: [Field]?) -> String {
        guard let fields else { return "null" }
        return JSONText.object(fields.map { ($0.name, $0.value) })
    }
}

/// The rows a stream of full-image changes leaves behind, computed without msr: every table a
/// map from its `id` to the row's columns by name.
struct ExpectedTables {
    private(set) var tables: [String: [Value: [String: Value]]] = [:]

    init(_ changes: some Sequence<SourceChange>) {
        for c in changes { apply(c) }
    }

    mutating func apply(_ c: SourceChange) {
        let table = c.table.qualified
        switch c.op {
        case .read, .insert, .update:
            guard let after = c.after, let id = Self.id(c) else { return }
            tables[table, default: [:]][id] = Dictionary(after.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        case .delete:
            guard let id = Self.id(c) else { return }
            tables[table, default: [:]][id] = nil
        case .truncate:
            tables[table] = [:]
        }
    }

    static func id(_ c: SourceChange) -> Value? {
        (c.keyFields ?? c.after ?? c.before)?.first { $0.name == "id" }?.value
    }
}
