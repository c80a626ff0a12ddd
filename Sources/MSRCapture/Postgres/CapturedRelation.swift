import MSRModel

/// A published table as the stream describes it (its latest Relation message), with the key
/// msr records it under, ready to turn row images into source changes.
///
/// The key comes from the catalog (the primary key, or the replica identity index, or every
/// column under REPLICA IDENTITY FULL without a key), not from the Relation flags, which only
/// name the replica identity.
public struct CapturedRelation: Sendable, Equatable {
    public var relation: PgRelation
    public var table: TableName
    /// Key column names, in key order.
    public var keyColumns: [String]
    /// Column names and types, in the relation's order.
    public var columns: [ColumnSchema]
    /// Columns the recording holds that the table no longer has (dropped): written as null,
    /// so a row changed after the drop does not carry a stale value.
    public var retiredColumns: [String]
    /// For columns of a domain type, the OID of the base type whose representation its values
    /// take.
    var valueTypes: [UInt32: UInt32]
    /// A table without a key: its key is every column and the copy number (`CopyNumbers`).
    public var isMultiset: Bool

    init(relation: PgRelation, keyColumns: [String], typeNames: [UInt32: String] = [:], retiredColumns: [String] = [],
         isMultiset: Bool = false, domainBases: [UInt32: DomainBase]) {
        self.init(relation: relation, keyColumns: keyColumns, typeNames: typeNames, retiredColumns: retiredColumns,
                  isMultiset: isMultiset)
        valueTypes = domainBases.mapValues(\.oid)
        columns = relation.columns.map {
            ColumnSchema(name: $0.name, type: PostgresValues.columnType(
                oid: $0.typeOID, name: typeNames[$0.typeOID], typmod: $0.typeModifier,
                base: domainBases[$0.typeOID].map { ($0.oid, $0.name) }))
        }
        if isMultiset { columns.append(ColumnSchema(name: CopyNumbers.column, type: ColumnType(kind: "int8"))) }
    }

    public init(relation: PgRelation, keyColumns: [String], typeNames: [UInt32: String] = [:], retiredColumns: [String] = [],
                isMultiset: Bool = false) {
        self.relation = relation
        table = TableName(schema: relation.namespace.isEmpty ? "pg_catalog" : relation.namespace, name: relation.name)
        self.isMultiset = isMultiset
        self.keyColumns = isMultiset ? relation.columns.map(\.name) + [CopyNumbers.column] : keyColumns
        columns = relation.columns.map {
            ColumnSchema(name: $0.name, type: PostgresValues.columnType(oid: $0.typeOID, name: typeNames[$0.typeOID], typmod: $0.typeModifier))
        }
        if isMultiset { columns.append(ColumnSchema(name: CopyNumbers.column, type: ColumnType(kind: "int8"))) }
        self.retiredColumns = retiredColumns
        valueTypes = [:]
    }

    /// The recording value of a column's text.
    private func recorded(_ text: String, of column: PgRelationColumn) -> Value {
        PostgresValues.value(text, type: valueTypes[column.typeOID] ?? column.typeOID)
    }

    /// The row image of a new tuple: every column the server sent. An unchanged TOAST value is
    /// left out (the server marks it out of band), so the writer keeps the row's current value;
    /// text never stands for "unchanged".
    func newImage(_ values: [TupleValue]) -> [Field] {
        var fields: [Field] = []
        fields.reserveCapacity(values.count + retiredColumns.count)
        for (column, value) in zip(relation.columns, values) {
            switch value {
            case .null: fields.append(Field(column.name, .null))
            case .text(let text): fields.append(Field(column.name, recorded(text, of: column)))
            // Binary values are never asked for (the stream is in text format).
            case .unchangedToast, .binary: continue
            }
        }
        for name in retiredColumns { fields.append(Field(name, .null)) }
        return fields
    }

    /// The row image of an old tuple. In a key-only tuple ('K') an 'n' means "not part of the
    /// key", so such columns are left out rather than recorded as NULL; unsent values too.
    func oldImage(_ old: PgOldTuple) -> [Field] {
        var fields: [Field] = []
        for (column, value) in zip(relation.columns, old.values) {
            switch value {
            case .null where !old.keyOnly: fields.append(Field(column.name, .null))
            case .text(let text): fields.append(Field(column.name, recorded(text, of: column)))
            case .null, .unchangedToast, .binary: continue
            }
        }
        return fields
    }

    /// The key fields within an image, or nil when it lacks a key column. A multiset's key
    /// ends in the copy number, still null here: `CopyNumbers` fills it in.
    func keyFields(in image: [Field]) -> [Field]? {
        if isMultiset { return image + [Field(CopyNumbers.column, .null)] }
        var out: [Field] = []
        for name in keyColumns {
            guard let f = image.first(where: { $0.name.utf8Equal(name) }) else { return nil }
            out.append(f)
        }
        return out
    }

    /// The key's column names with null values: for a truncate, which carries no row but may be
    /// the first change the recording sees of the table, and so must say what its key is.
    var keyNamesOnly: [Field] { keyColumns.map { Field($0, .null) } }

    /// The source change for one row change of this relation.
    func change(_ message: PgOutputMessage, commitTime: Timestamp, position: LSN, origin: Int) -> SourceChange? {
        var c = SourceChange(table: table, op: .insert, commitTime: commitTime, position: position.position,
                             columns: columns, origin: origin)
        switch message {
        case .insert(_, let new):
            c.after = newImage(new)
            c.keyFields = c.after.flatMap(keyFields)
        case .update(_, let old, let new):
            c.op = .update
            c.after = newImage(new)
            c.before = old.map(oldImage)
            c.keyFields = c.after.flatMap(keyFields)
        case .delete(_, let old):
            c.op = .delete
            c.before = oldImage(old)
            c.keyFields = c.before.flatMap(keyFields)
        case .truncate:
            c.op = .truncate
            c.keyFields = keyNamesOnly
        default:
            return nil
        }
        return c
    }
}
