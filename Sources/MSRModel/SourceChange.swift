/// A named value inside a source's row image.
public struct Field: Hashable, Sendable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// A change as a source reports it, before the store completes it into a `ChangeEvent`.
///
/// Images may be partial: a source may send no before-image, only the key, or an after-image
/// whose unchanged columns carry `Value.unavailablePlaceholder`. Fields are matched to the
/// table's columns by name.
public struct SourceChange: Sendable {
    public var table: TableName
    public var op: Operation
    public var commitTime: Timestamp
    public var position: SourcePosition?
    /// The key as the source's message key gave it; its field names define the primary key.
    public var keyFields: [Field]?
    public var before: [Field]?
    public var after: [Field]?
    /// Column types from the source's schema description, when it sent one.
    public var columns: [ColumnSchema]
    /// The number of the input line (or message) this change came from, for error reports.
    public var origin: Int

    public init(table: TableName, op: Operation, commitTime: Timestamp, position: SourcePosition? = nil,
                keyFields: [Field]? = nil, before: [Field]? = nil, after: [Field]? = nil,
                columns: [ColumnSchema] = [], origin: Int = 0) {
        self.table = table
        self.op = op
        self.commitTime = commitTime
        self.position = position
        self.keyFields = keyFields
        self.before = before
        self.after = after
        self.columns = columns
        self.origin = origin
    }
}
