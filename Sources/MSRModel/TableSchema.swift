/// The identifier of a table inside one recording.
public typealias TableID = Int32

/// A source table's name: its schema (namespace) and its own name.
///
/// Names compare, hash and sort by their UTF-8 bytes, as the database tells its tables apart.
public struct TableName: Hashable, Sendable, Codable, Comparable {
    public var schema: String?
    public var name: String

    public init(schema: String?, name: String) {
        self.schema = (schema?.isEmpty ?? true) ? nil : schema
        self.name = name
    }

    /// `schema.name`, or the bare name when there is no schema.
    public var qualified: String { schema.map { "\($0).\(name)" } ?? name }

    /// Whether a name given on the command line (`units` or `public.units`) names this table.
    public func matches(_ text: String) -> Bool {
        text.utf8Equal(qualified) || text.utf8Equal(name)
    }

    public static func == (lhs: TableName, rhs: TableName) -> Bool {
        lhs.name.utf8Equal(rhs.name) && sameText(lhs.schema, rhs.schema)
    }

    public func hash(into hasher: inout Hasher) {
        name.hashUTF8(into: &hasher)
        hasher.combine(schema != nil)
        schema?.hashUTF8(into: &hasher)
    }

    public static func < (lhs: TableName, rhs: TableName) -> Bool { lhs.qualified.utf8Less(rhs.qualified) }
}

/// Whether two optional texts are both absent or hold the same bytes.
func sameText(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return x.utf8Equal(y)
    default: return false
    }
}

/// The type of a column as the source described it.
public struct ColumnType: Hashable, Sendable, Codable {
    /// The wire type (`int64`, `string`, `boolean`, `double`, `bytes`, `struct`, … for Debezium;
    /// the PostgreSQL type name for pgoutput), or empty when the source did not say.
    public var kind: String
    /// The semantic type name, such as `io.debezium.time.MicroTimestamp` or
    /// `org.apache.kafka.connect.data.Decimal`.
    public var semantic: String?
    /// Type parameters, such as a decimal's `scale`.
    public var parameters: [String: String]

    public init(kind: String = "", semantic: String? = nil, parameters: [String: String] = [:]) {
        self.kind = kind
        self.semantic = semantic
        self.parameters = parameters
    }

    public static let unknown = ColumnType()
    public var isUnknown: Bool { kind.isEmpty && semantic == nil }

    public static func == (lhs: ColumnType, rhs: ColumnType) -> Bool {
        lhs.kind.utf8Equal(rhs.kind) && sameText(lhs.semantic, rhs.semantic)
            && lhs.parameters.count == rhs.parameters.count
            && lhs.parameters.allSatisfy { k, v in rhs.parameters.contains { $0.key.utf8Equal(k) && $0.value.utf8Equal(v) } }
    }

    public func hash(into hasher: inout Hasher) {
        kind.hashUTF8(into: &hasher)
        semantic?.hashUTF8(into: &hasher)
        hasher.combine(parameters.count)
    }
}

/// One column of a table.
public struct ColumnSchema: Hashable, Sendable, Codable {
    public var name: String
    public var type: ColumnType

    public init(name: String, type: ColumnType = .unknown) {
        self.name = name
        self.type = type
    }

    public static func == (lhs: ColumnSchema, rhs: ColumnSchema) -> Bool {
        lhs.name.utf8Equal(rhs.name) && lhs.type == rhs.type
    }

    public func hash(into hasher: inout Hasher) {
        name.hashUTF8(into: &hasher)
        hasher.combine(type)
    }
}

/// A table of a recording: its columns in the order rows hold them, and its primary key.
///
/// Columns are only ever appended (a column seen for the first time, or added by a schema
/// change), so a row written earlier keeps its meaning.
public struct TableSchema: Hashable, Sendable, Codable {
    public var id: TableID
    public var name: TableName
    public var columns: [ColumnSchema]
    /// Indexes into `columns` of the primary-key columns, in key order.
    public var keyColumns: [Int]

    public init(id: TableID, name: TableName, columns: [ColumnSchema], keyColumns: [Int]) {
        self.id = id
        self.name = name
        self.columns = columns
        self.keyColumns = keyColumns
    }

    /// The column whose name has exactly these bytes.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name.utf8Equal(name) }
    }

    public var keyColumnNames: [String] { keyColumns.map { columns[$0].name } }
}
