import MSRModel
import MSRStore

/// Copy numbers of the rows of tables without a key, so identical rows stay as many rows.
///
/// A table under REPLICA IDENTITY FULL without a primary key is a multiset: it may hold the
/// same row several times, and a delete or update names a row only by its values. msr keys
/// such a table by every column plus a copy number, a column of its own (`(copy)`): the copies
/// of one row are numbered 1…n. An insert (or snapshot read) adds copy n+1; a delete removes
/// copy n; an update removes copy n of the old values and adds copy m+1 of the new ones. The
/// copies of one row are indistinguishable, so taking the last one is as right as any, and
/// keeps the numbers dense, which is what lets a restarted capture count them from the
/// recording's rows.
///
/// Numbers are given as transactions are written, in commit order. They rely on the server
/// never sending a recorded transaction again — the confirmed position is stored in the
/// same recording transaction as the events (`RecordingWriter.write(_:meta:)`) — because a
/// change sent again would be numbered as a new copy rather than recognised.
struct CopyNumbers {
    /// The column holding the copy number, last in the table's columns and its key.
    static let column = "(copy)"

    /// For each multiset table, the number of copies of each row (by `rowIdentity`).
    private var counts: [TableName: [RowKey: Int]] = [:]

    init() {}

    /// Counts the copies in the recording's state after event `seq`.
    init(store: RecordingStore, atSeq seq: Int64) throws(RecordingError) {
        for table in try store.tables() {
            guard let copy = table.columnIndex(named: Self.column) else { continue }
            let state = try store.reconstruct(table: table, atSeq: seq).state
            var byRow: [RowKey: Int] = [:]
            for (_, row) in state.rows {
                let fields = table.columns.indices.filter { $0 != copy }.map { Field(table.columns[$0].name, row[$0]) }
                byRow[Self.rowIdentity(fields), default: 0] += 1
            }
            counts[table.name] = byRow
        }
    }

    /// Gives each change of a multiset table its copy number (its key fields end in a null
    /// copy field, as `CapturedRelation` makes them).
    mutating func number(_ changes: inout [SourceChange]) {
        for i in changes.indices where changes[i].keyFields?.last?.name == Self.column {
            number(&changes[i])
        }
    }

    private mutating func number(_ c: inout SourceChange) {
        switch c.op {
        case .truncate:
            counts[c.table] = [:]
        case .insert, .read:
            let row = c.after ?? []
            let n = add(row, to: c.table)
            c.after = row + [Field(Self.column, .int(Int64(n)))]
            c.keyFields = c.after
        case .delete:
            let row = c.before ?? []
            let n = remove(row, from: c.table)
            c.before = row + [Field(Self.column, .int(Int64(n)))]
            c.keyFields = c.before
        case .update:
            let old = c.before ?? []
            // A column the new image lacks (an unchanged TOASTed value) keeps its old value.
            let given = Set((c.after ?? []).map { Array($0.name.utf8) })
            let new = (c.after ?? []) + old.filter { !given.contains(Array($0.name.utf8)) }
            let from = remove(old, from: c.table)
            let to = add(new, to: c.table)
            c.before = old + [Field(Self.column, .int(Int64(from)))]
            c.after = (c.after ?? []) + [Field(Self.column, .int(Int64(to)))]
            c.keyFields = new + [Field(Self.column, .int(Int64(to)))]
        }
    }

    private mutating func add(_ row: [Field], to table: TableName) -> Int {
        let id = Self.rowIdentity(row)
        let n = (counts[table]?[id] ?? 0) + 1
        counts[table, default: [:]][id] = n
        return n
    }

    /// The number of the copy removed: the last one; 1 for a row never seen (the writer
    /// counts that as a change of an unseen row).
    private mutating func remove(_ row: [Field], from table: TableName) -> Int {
        let id = Self.rowIdentity(row)
        guard let n = counts[table]?[id], n > 0 else { return 1 }
        counts[table]?[id] = n > 1 ? n - 1 : nil
        return n
    }

    /// A row's values by column name, whatever the order of its fields; null columns left out,
    /// so a column the image does not hold and a null one are the same.
    static func rowIdentity(_ fields: [Field]) -> RowKey {
        let cells = fields.filter { $0.name != column && $0.value != .null }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        var values: [Value] = []
        values.reserveCapacity(cells.count * 2)
        for f in cells { values += [.string(f.name), f.value] }
        return RowKey(values)
    }
}
