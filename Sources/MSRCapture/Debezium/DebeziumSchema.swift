import MSRModel

/// Column types read from the Kafka Connect schema that the JSON converter puts beside an event.
///
/// The envelope schema is a struct whose `before` and `after` fields are structs describing the
/// row: `{type: "int32", optional: false, field: "id", name: "io.debezium.time.Date",
/// parameters: {scale: "2"}}`. A schema is advice for rendering, never a reason to reject a
/// line, so anything malformed in it is skipped.
enum DebeziumSchema {
    /// The row's columns: those of `after`, then any only `before` has, then key fields neither
    /// has (a key schema can be all a log without row schemas gives).
    static func columns(envelope: JSONObject?, key: JSONObject?) -> [ColumnSchema] {
        var columns: [ColumnSchema] = []
        if let fields = envelope?["fields"], case .array(let parts) = fields {
            for image in ["after", "before"] {
                for case .object(let part) in parts where part["field"]?.stringValue == image {
                    append(columnsOf: part, to: &columns)
                }
            }
        }
        if let key { append(columnsOf: key, to: &columns) }
        return columns
    }

    /// Appends the columns of a struct schema not already in `columns`.
    static func append(columnsOf structSchema: JSONObject, to columns: inout [ColumnSchema]) {
        guard let fields = structSchema["fields"], case .array(let list) = fields else { return }
        for case .object(let field) in list {
            guard let name = field["field"]?.stringValue else { continue }
            if columns.contains(where: { $0.name.utf8Equal(name) }) { continue }
            columns.append(ColumnSchema(name: name, type: columnType(field)))
        }
    }

    /// The type of one field schema: wire type, semantic name and parameters as text.
    static func columnType(_ field: JSONObject) -> ColumnType {
        var parameters: [String: String] = [:]
        if let p = field["parameters"], case .object(let object) = p {
            for m in object.members {
                switch m.value {
                case .string(let s): parameters[m.key] = s
                case .null: continue
                default: parameters[m.key] = JSONWriter.compactText(m.value)
                }
            }
        }
        return ColumnType(kind: field["type"]?.stringValue ?? "",
                          semantic: field["name"]?.stringValue,
                          parameters: parameters)
    }
}
