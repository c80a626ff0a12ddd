import MSRModel

/// Turns the row images of an event (`before`, `after`, the key) into fields.
///
/// Values keep the shape the converter gave them: a Decimal stays its base64 string, a date its
/// day number. `ValueFormatter` renders them with the column type; the store can give them back
/// unchanged. The unavailable-value placeholder, in any of its forms, passes through as the
/// plain string (`DebeziumPlaceholder`), for the store to complete from the row's previous state.
enum DebeziumImage {
    typealias Problem = DebeziumLineError.Problem

    /// The image named `field` of `event`: nil when absent or null, an error when not an object.
    static func fields(of event: JSONObject, _ field: String) throws(Problem) -> [Field]? {
        guard let value = event[field] else { return nil }
        switch value {
        case .null: return nil
        case .object(let object): return fields(of: object)
        default: throw .wrongShape(field: field, expected: "an object or null", found: value.kindName)
        }
    }

    static func fields(of object: JSONObject) -> [Field] {
        var out: [Field] = []
        out.reserveCapacity(object.members.count)
        for m in object.members { out.append(Field(m.key, DebeziumPlaceholder.normalise(value(m.value)))) }
        return out
    }

    /// A cell value; nested objects and arrays are kept as compact JSON text.
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array, .object: return .json(JSONWriter.compactText(json))
        }
    }
}
