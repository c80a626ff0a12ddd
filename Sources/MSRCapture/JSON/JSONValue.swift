/// A parsed JSON document.
///
/// Integers that fit in 64 bits stay integers so that keys, LSNs and counters keep their exact
/// value; every other number is a `Double`. Objects keep their members in input order, because
/// column order in a row image is meaningful to the reader of a recording.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The object's member named `key`, or nil when this is not an object or has no such member.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number as an integer, when it is one (a double with no fraction counts).
    public var int64Value: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d):
            guard d.rounded() == d, d >= Double(Int64.min), d < -Double(Int64.min) else { return nil }
            return Int64(d)
        default: return nil
        }
    }

    /// A one-word name of the kind of value, for error messages ("an array", "a string").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object: its members in input order.
///
/// Lookup is a linear scan. Debezium objects hold a dozen or so members, where a scan beats
/// hashing every key of every line into a dictionary.
public struct JSONObject: Hashable, Sendable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) { self.members = members }

    /// The value of the first member named `key` (by bytes, as every name from a source).
    public subscript(key: String) -> JSONValue? {
        for m in members where m.key.utf8Equal(key) { return m.value }
        return nil
    }

    /// Whether the object has a member named `key`, even one whose value is null.
    public func contains(_ key: String) -> Bool {
        members.contains { $0.key.utf8Equal(key) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text.
    public var description: String { JSONWriter.compactText(self) }
}
