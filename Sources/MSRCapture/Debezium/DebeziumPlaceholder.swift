import MSRModel

/// Every form in which Debezium's PostgreSQL connector writes the placeholder for a value it
/// did not read (an unchanged TOASTed column), so that each keeps the column's previous value.
///
/// The connector converts `unavailable.value.placeholder` (default
/// `__debezium_unavailable_value`) to the column's type: the string itself; its bytes for
/// `bytea` (base64 in JSON, or hex with `binary.handling.mode=hex`); a one-element array of
/// it for `text[]` (and of its base64 for `bytea[]`); its bytes as numbers for `int[]` and
/// `bigint[]`; the map `{placeholder: placeholder}` for `hstore` (JSON text in `json` mode);
/// and for `uuid[]` the name-based UUID of its bytes. All are recorded as the plain string,
/// the one form the writer completes from the previous row.
enum DebeziumPlaceholder {
    static let text = Value.unavailablePlaceholder
    static let base64 = "X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ=="
    static let hex = "5f5f646562657a69756d5f756e617661696c61626c655f76616c7565"
    /// `UUID.nameUUIDFromBytes` of the placeholder's bytes, as Java makes it (MD5, version 3).
    static let uuid = "b68a35a7-17ad-35b3-af2a-ae46edb4545a"
    static let hstore = "{\"\(text)\":\"\(text)\"}"

    static let strings: [String] = [base64, hex, uuid, hstore]
    static let arrays: [String] = [
        "[\"\(text)\"]", "[\"\(base64)\"]", "[\"\(uuid)\"]", hstore,
        "[" + text.utf8.map { String($0) }.joined(separator: ",") + "]",
    ]

    /// The cell as recorded: any placeholder form becomes the plain placeholder string.
    @inline(__always)
    static func normalise(_ value: Value) -> Value {
        switch value {
        case .string(let s):
            let n = s.utf8.count
            // Lengths first: nearly every cell is decided without comparing text.
            guard n == 40 || n == 56 || n == 36 || n == hstore.utf8.count else { return value }
            return strings.contains { $0.utf8.elementsEqual(s.utf8) } ? .string(text) : value
        case .json(let s):
            guard s.utf8.first == UInt8(ascii: "[") || s.utf8.first == UInt8(ascii: "{") else { return value }
            return arrays.contains { $0.utf8.elementsEqual(s.utf8) } ? .string(text) : value
        default:
            return value
        }
    }
}
