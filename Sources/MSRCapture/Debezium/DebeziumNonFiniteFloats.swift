import MSRModel

/// Float NaN and infinities that Kafka Connect's JSON converter wrote as strings, read back as
/// the doubles they stand for.
///
/// Jackson quotes non-finite numbers by default, so a float column's NaN arrives as the string
/// `"NaN"` (and `"Infinity"`, `"-Infinity"`). Only a schema that types the column as a float
/// says the string is a number: without one it may be text, and stays text. The bare tokens
/// (quoting turned off) are doubles already, read by `JSONScanner`.
enum DebeziumNonFiniteFloats {
    /// Kafka Connect's float types as the JSON converter names them in a schema (`float`,
    /// `double`), and as `Schema.Type` names them.
    static func isFloat(_ type: ColumnType) -> Bool {
        switch type.kind {
        case "float", "double", "float32", "float64": return true
        default: return false
        }
    }

    /// The double a converter's string stands for; nil for any other text.
    static func double(_ text: String) -> Double? {
        let bytes = text.utf8
        if bytes.elementsEqual("NaN".utf8) { return .nan }
        if bytes.elementsEqual("Infinity".utf8) { return .infinity }
        if bytes.elementsEqual("-Infinity".utf8) { return -.infinity }
        return nil
    }

    /// `fields` with each string of a float-typed column that names a non-finite double
    /// replaced by that double.
    static func typed(_ fields: [Field]?, columns: [ColumnSchema]) -> [Field]? {
        guard var fields else { return nil }
        for i in fields.indices {
            guard case .string(let text) = fields[i].value, let d = double(text) else { continue }
            let name = fields[i].name
            guard let column = columns.first(where: { $0.name.utf8Equal(name) }), isFloat(column.type) else { continue }
            fields[i].value = .double(d)
        }
        return fields
    }
}
