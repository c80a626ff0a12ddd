import MSRModel
import MSRStore

/// Copy numbers of the rows of tables without a key, so identical rows stay as many rows.
///
/// A table under REPLICA IDENTITY FULL without a primary key is a multiset: it may hold the
/// same row several times, and a delete or update names a row only by its values. msr keys
/// such a table by its columns when first recorded plus a copy number, a column of its own
/// (`(copy)`), which tells apart rows with the same values in those columns. An insert (or
/// snapshot read) adds a copy numbered above the live ones; a delete removes a live row with
/// the image's values over the columns the table has now (`MultisetRows`), the one added last;
/// an update removes one and adds one. Copies that look alike are indistinguishable, so taking
/// the last is as right as any, and keeps the numbers of identical rows dense.
///
/// Numbers are given as transactions are written, in commit order. They rely on the server
/// never sending a recorded transaction again — the confirmed position is stored in the
/// same recording transaction as the events (`RecordingWriter.write(_:meta:)`) — because a
/// change sent again would be numbered as a new copy rather than recognised.
struct CopyNumbers {
    /// The column holding the copy number, last in the table's columns and its key.
    static let column = "(copy)"

    private var tables: [TableName: MultisetRows] = [:]

    init() {}

    /// Takes the rows of the recording's multiset tables (their key ends in the copy column)
    /// after event `seq`.
    init(store: RecordingStore, atSeq seq: Int64) throws(RecordingError) {
        for table in try store.tables() {
            guard let copy = table.keyColumns.last, table.columns[copy].name.utf8Equal(Self.column) else { continue }
            var rows = MultisetRows(keyNames: table.keyColumns.dropLast().map { table.columns[$0].name })
            let state = try store.reconstruct(table: table, atSeq: seq).state
            for (key, row) in state.rows {
                let values = table.columns.indices.filter { $0 != copy && $0 < row.values.count }
                    .map { Field(table.columns[$0].name, row[$0]) }
                rows.load(key: key, values: values)
            }
            tables[table.name] = rows
        }
    }

    /// Whether `change` is of a multiset table: its key fields end in a null copy field, as
    /// `CapturedRelation` makes them (a keyed table's key column of that name holds a value).
    static func isMultiset(_ change: SourceChange) -> Bool {
        guard let last = change.keyFields?.last else { return false }
        return last.name.utf8Equal(column) && last.value == .null
    }

    /// Gives each change of a multiset table its copy number.
    mutating func number(_ changes: inout [SourceChange]) {
        for i in changes.indices where Self.isMultiset(changes[i]) {
            number(&changes[i])
        }
    }

    private mutating func number(_ c: inout SourceChange) {
        let copyField = { (n: Int) in Field(Self.column, .int(Int64(n))) }
        var rows = tables.removeValue(forKey: c.table)
            ?? MultisetRows(keyNames: (c.keyFields ?? []).dropLast().map(\.name))
        defer { tables[c.table] = rows }
        rows.use(columns: c.columns.map(\.name).filter { !$0.utf8Equal(Self.column) })
        switch c.op {
        case .truncate:
            rows.removeAll()
        case .insert, .read:
            let row = c.after ?? []
            let n = rows.add(row).copy
            c.after = row + [copyField(n)]
            c.keyFields = c.after
        case .delete:
            let old = c.before ?? []
            let removed = rows.remove(matching: old)
            // The key columns the image lacks (dropped since) hold the removed row's values.
            c.before = old + Self.missing(removed.values, in: old) + [copyField(removed.copy)]
            c.keyFields = c.before
        case .update:
            let old = c.before ?? []
            let removed = rows.remove(matching: old)
            // A column the new image lacks (an unchanged TOASTed value) keeps its old value.
            let given = Set((c.after ?? []).map { ExactString($0.name) })
            let new = (c.after ?? []) + (removed.row ?? old).filter { !given.contains(ExactString($0.name)) }
            let n = rows.add(new).copy
            c.before = old + Self.missing(removed.values, in: old) + [copyField(removed.copy)]
            c.after = (c.after ?? []) + [copyField(n)]
            c.keyFields = new + [copyField(n)]
        }
    }

    /// The fields of `fields` whose column `image` does not hold.
    private static func missing(_ fields: [Field], in image: [Field]) -> [Field] {
        let held = Set(image.map { ExactString($0.name) })
        return fields.filter { !held.contains(ExactString($0.name)) }
    }
}
