import MSRModel

/// The live rows of one table without a key, as the recording holds them, found by the values
/// the table has now.
///
/// A row's recorded key is the values of the table's columns when it was first recorded (its
/// key columns) plus a copy number. The table's columns may change since: a dropped column
/// stays in the recording (null in rows written after the drop, its old value in the others),
/// an added one is not part of the key. So a row is found by its values over the columns the
/// table has now (`current`), ignoring retired ones, and a new row's copy number tells it
/// apart from every live row with the same key values, whatever its other columns hold.
struct MultisetRows {
    /// The recorded key's columns before the copy number.
    let keyNames: [String]
    /// The columns the table has now (nil until a change says), over which `index` is built.
    private var current: Set<ExactString>?
    private var currentNames: [String] = []
    /// Each live row's non-null values by its recorded key (key values, then copy number).
    private var rows: [RowKey: [Field]] = [:]
    /// The keys of the live rows by their values over `current`.
    private var index: [RowKey: [RowKey]] = [:]
    /// For key values, a number above every live copy's.
    private var next: [RowKey: Int] = [:]

    init(keyNames: [String]) { self.keyNames = keyNames }

    /// Takes a recorded row (`values` by column name, `key` as recorded).
    mutating func load(key: RowKey, values: [Field]) {
        guard let n = Self.copy(of: key) else { return }
        rows[key] = values.filter { $0.value != .null }
        let prefix = RowKey(Array(key.values.dropLast()))
        next[prefix] = max(next[prefix] ?? 1, n + 1)
        current = nil
    }

    /// Matches rows over `columns` from now on (a Relation message may have added or dropped
    /// some): the index is rebuilt when they differ from the last ones.
    mutating func use(columns: [String]) {
        // Almost every change names the columns of the one before, in the same order.
        if current != nil, columns.count == currentNames.count,
           zip(columns, currentNames).allSatisfy({ $0.utf8Equal($1) }) { return }
        currentNames = columns
        let set = Set(columns.map(ExactString.init))
        guard set != current else { return }
        current = set
        index = [:]
        // Sorted, so which of several rows that now look alike a delete takes does not depend
        // on hashing.
        for key in rows.keys.sorted() {
            index[identity(rows[key] ?? []), default: []].append(key)
        }
    }

    /// Adds a row; returns its key values (by `keyNames`, null where the row has none) and copy number.
    mutating func add(_ row: [Field]) -> (values: [Field], copy: Int) {
        let values = keyValues(row)
        let prefix = RowKey(values.map(\.value))
        let n = next[prefix] ?? 1
        next[prefix] = n + 1
        let key = RowKey(prefix.values + [.int(Int64(n))])
        let stored = row.filter { $0.value != .null }
        rows[key] = stored
        index[identity(stored), default: []].append(key)
        return (values, n)
    }

    /// Removes a row matching `image` over the current columns: the one added last among
    /// them. Returns its key values and copy number and its recorded values, or copy 0 (no
    /// row holds it) for a row the recording does not hold.
    mutating func remove(matching image: [Field]) -> (values: [Field], copy: Int, row: [Field]?) {
        let id = identity(image)
        guard var keys = index[id], let key = keys.popLast() else { return (keyValues(image), 0, nil) }
        index[id] = keys.isEmpty ? nil : keys
        let row = rows.removeValue(forKey: key) ?? []
        let prefix = RowKey(Array(key.values.dropLast()))
        // Taking back the highest number keeps the numbers of identical rows dense.
        let n = Self.copy(of: key) ?? 0
        if let top = next[prefix], n == top - 1 {
            next[prefix] = top > 2 ? top - 1 : nil
        }
        return (keyValues(row), n, row)
    }

    /// The copy number that ends a recorded key.
    private static func copy(of key: RowKey) -> Int? {
        guard case .int(let n)? = key.values.last, n > 0, n < Int64(Int32.max) else { return nil }
        return Int(n)
    }

    mutating func removeAll() {
        rows = [:]
        index = [:]
        next = [:]
    }

    /// The fields of `row` for the key columns, null where it has none.
    private func keyValues(_ row: [Field]) -> [Field] {
        keyNames.map { name in Field(name, row.first { $0.name.utf8Equal(name) }?.value ?? .null) }
    }

    /// A row's non-null values over the current columns, by column name, whatever the order of
    /// its fields: a column an image does not hold and a null one are the same.
    private func identity(_ fields: [Field]) -> RowKey {
        let cells = fields.filter { $0.value != .null && (current?.contains(ExactString($0.name)) ?? true) }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        var values: [Value] = []
        values.reserveCapacity(cells.count * 2)
        for f in cells { values += [.string(f.name), f.value] }
        return RowKey(values)
    }
}
