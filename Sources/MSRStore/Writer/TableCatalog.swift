import MSRModel

/// The writer's view of the recording's tables: finds or creates a table for a source change,
/// appends columns the first time they appear, and maps field names to column indexes.
struct TableCatalog {
    private(set) var schemas: [TableID: TableSchema] = [:]
    // Names are told apart by their bytes, as the source tells its tables and columns apart.
    private var byName: [ExactString: TableID] = [:]
    private var columnIndex: [TableID: [ExactString: Int]] = [:]
    /// Tables created or changed since the last `takeChanged()`.
    private var changed: Set<TableID> = []
    /// Column types changed since the last `takeTypeChanges()` (with `followTypeChanges`).
    private var typeChanges: [(table: TableID, column: String, from: ColumnType, to: ColumnType)] = []

    init(_ tables: [TableSchema]) {
        for t in tables { install(t) }
    }

    private mutating func install(_ t: TableSchema) {
        schemas[t.id] = t
        byName[ExactString(t.name.qualified)] = t.id
        var map: [ExactString: Int] = [:]
        for (i, c) in t.columns.enumerated() { map[ExactString(c.name)] = i }
        columnIndex[t.id] = map
    }

    /// The column type changes since the last call, as starting at event `seq`.
    mutating func takeTypeChanges(seq: Int64) -> [ColumnTypeChange] {
        defer { typeChanges.removeAll() }
        return typeChanges.map {
            ColumnTypeChange(seq: seq, table: schemas[$0.table]?.name.qualified ?? "", column: $0.column, from: $0.from, to: $0.to)
        }
    }

    mutating func takeChanged() -> [TableSchema] {
        defer { changed.removeAll() }
        return changed.sorted().compactMap { schemas[$0] }
    }

    /// The table for `change`, created when new; adds columns the change shows for the first
    /// time and fills in column types the table did not know yet.
    mutating func resolve(_ change: borrowing SourceChange, options: WriterOptions, created: inout Bool) throws(RecordingError) -> TableSchema {
        if let id = byName[ExactString(change.table.qualified)], var t = schemas[id] {
            // Almost every change names only known columns with known types: check that
            // without building anything, and do the full work only for the rest.
            if isFullyKnown(change, id, followTypes: options.followTypeChanges) { return t }
            if addColumns(from: change, to: &t, followTypes: options.followTypeChanges) {
                install(t)
                changed.insert(id)
            }
            return t
        }
        let id = (schemas.keys.max() ?? 0) + 1
        var t = TableSchema(id: id, name: change.table, columns: [], keyColumns: [])
        _ = addColumns(from: change, to: &t, followTypes: false)
        let keyNames: [String]
        if let fields = change.keyFields, !fields.isEmpty {
            keyNames = fields.map(\.name)
        } else if let override = options.keyOverride(for: change.table) {
            keyNames = override
        } else if t.columnIndex(named: "id") != nil {
            keyNames = ["id"]
        } else {
            throw .noPrimaryKey(table: change.table.qualified)
        }
        for name in keyNames where t.columnIndex(named: name) == nil {
            t.columns.append(ColumnSchema(name: name))
        }
        t.keyColumns = keyNames.compactMap { t.columnIndex(named: $0) }
        install(t)
        changed.insert(id)
        created = true
        return t
    }

    private func isFullyKnown(_ change: borrowing SourceChange, _ id: TableID, followTypes: Bool) -> Bool {
        guard let schema = schemas[id] else { return false }
        for c in change.columns {
            guard let i = index(of: c.name, at: -1, in: schema),
                  !(schema.columns[i].type.isUnknown && !c.type.isUnknown),
                  !(followTypes && !c.type.isUnknown && schema.columns[i].type != c.type) else { return false }
        }
        return allKnown(change.after, schema) && allKnown(change.before, schema) && allKnown(change.keyFields, schema)
    }

    private func allKnown(_ fields: [Field]?, _ schema: TableSchema) -> Bool {
        guard let fields else { return true }
        for (position, f) in fields.enumerated() where index(of: f.name, at: position, in: schema) == nil { return false }
        return true
    }

    /// The column named `name`. A source sends an image's fields in the same order every time,
    /// and the table's columns were made in that order, so the field's position is tried first:
    /// one string comparison instead of hashing the name.
    @inline(__always)
    private func index(of name: String, at position: Int, in schema: TableSchema) -> Int? {
        if position >= 0, position < schema.columns.count, schema.columns[position].name.utf8Equal(name) { return position }
        return columnIndex[schema.id]?[ExactString(name)]
    }

    private mutating func addColumns(from change: borrowing SourceChange, to t: inout TableSchema, followTypes: Bool) -> Bool {
        var didChange = false
        var known = Set(t.columns.map { ExactString($0.name) })
        func add(_ name: String, _ type: ColumnType) {
            if known.insert(ExactString(name)).inserted {
                t.columns.append(ColumnSchema(name: name, type: type))
                didChange = true
            }
        }
        for c in change.columns {
            add(c.name, c.type)
            if let i = t.columnIndex(named: c.name), t.columns[i].type.isUnknown, !c.type.isUnknown {
                t.columns[i].type = c.type
                didChange = true
            } else if followTypes, let i = t.columnIndex(named: c.name), !c.type.isUnknown, t.columns[i].type != c.type {
                typeChanges.append((t.id, c.name, t.columns[i].type, c.type))
                t.columns[i].type = c.type
                didChange = true
            }
        }
        for f in change.keyFields ?? [] { add(f.name, .unknown) }
        for f in change.after ?? [] { add(f.name, .unknown) }
        for f in change.before ?? [] { add(f.name, .unknown) }
        return didChange
    }

    /// The key named fields give for the table's key columns (the first field of each key
    /// column), or nil when one is missing or carries the placeholder (where `options` says the
    /// source uses one); builds nothing else.
    func key(from fields: [Field]?, table: TableSchema, _ options: WriterOptions) -> RowKey? {
        guard let fields, !table.keyColumns.isEmpty else { return nil }
        var values: [Value] = []
        values.reserveCapacity(table.keyColumns.count)
        for k in table.keyColumns {
            var found: Value?
            for (position, f) in fields.enumerated() where index(of: f.name, at: position, in: table) == k {
                found = f.value
                break
            }
            guard let value = found, !(options.inBandPlaceholders && value.isUnavailable) else { return nil }
            values.append(value)
        }
        return RowKey(values)
    }

    /// Matches named fields to the columns of `table`.
    func image(_ fields: [Field], table: TableSchema) -> PendingImage {
        var columns: [Int] = []
        columns.reserveCapacity(fields.count)
        for (position, f) in fields.enumerated() { columns.append(index(of: f.name, at: position, in: table) ?? -1) }
        return PendingImage(fields: fields, columns: columns)
    }
}
