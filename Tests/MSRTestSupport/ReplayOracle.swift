import MSRModel

/// The brute-force answer: replays source changes from the start into plain dictionaries,
/// with the same rules the store follows, and nothing shared with the store's code.
public struct ReplayOracle {
    public typealias NamedRow = [String: Value]
    public var keyColumns: [TableName: [String]]
    public private(set) var ordered: [SourceChange] = []

    /// Orders and de-duplicates changes the way a recording does.
    public init(changes: [SourceChange], keyColumns: [TableName: [String]]) {
        self.keyColumns = keyColumns
        let sorted = changes.sorted { a, b in
            if a.commitTime != b.commitTime { return a.commitTime < b.commitTime }
            if SourcePosition.ordersBefore(a.position, b.position) { return true }
            if SourcePosition.ordersBefore(b.position, a.position) { return false }
            return a.origin < b.origin
        }
        // By bytes, as the recording tells keys apart.
        var seen = Set<ExactString>()
        for c in sorted {
            let id = "\(c.table.qualified)|\(key(of: c, useBefore: c.op == .delete).map { "\($0)" } ?? "")|\(c.position.map { "p\($0)" } ?? "t\(c.commitTime.micros)")|\(c.op)"
            if seen.insert(ExactString(id)).inserted { ordered.append(c) }
        }
    }

    private func pick(_ fields: [Field]?, _ names: [String]) -> [Value]? {
        guard let fields else { return nil }
        var out: [Value] = []
        for n in names {
            guard let f = fields.first(where: { $0.name.utf8Equal(n) }), !f.value.isUnavailable else { return nil }
            out.append(f.value)
        }
        return out
    }

    private func key(of c: SourceChange, useBefore: Bool) -> [Value]? {
        guard let names = keyColumns[c.table] else { return nil }
        if c.op == .truncate { return [] }
        return pick(c.keyFields, names) ?? (useBefore ? pick(c.before, names) : pick(c.after, names) ?? pick(c.before, names))
    }

    /// Every table's rows after applying the changes committed at or before `time`.
    public func state(at time: Timestamp) -> [TableName: [[Value]: NamedRow]] {
        var tables: [TableName: [[Value]: NamedRow]] = [:]
        for c in ordered where c.commitTime <= time { apply(c, to: &tables) }
        return tables
    }

    /// The state after the first `count` changes, in recording order.
    public func state(afterFirst count: Int) -> [TableName: [[Value]: NamedRow]] {
        var tables: [TableName: [[Value]: NamedRow]] = [:]
        for c in ordered.prefix(count) { apply(c, to: &tables) }
        return tables
    }

    private func apply(_ c: SourceChange, to tables: inout [TableName: [[Value]: NamedRow]]) {
        var rows = tables[c.table] ?? [:]
        defer { tables[c.table] = rows }
        guard let names = keyColumns[c.table] else { return }
        switch c.op {
        case .truncate:
            rows.removeAll()
        case .delete:
            if let k = key(of: c, useBefore: true) { rows[k] = nil }
        case .insert, .read:
            guard let k = key(of: c, useBefore: false) else { return }
            let previous = rows[k]
            var row: NamedRow = [:]
            for f in c.after ?? [] {
                row[f.name] = f.value.isUnavailable ? (previous?[f.name] ?? .null) : f.value
            }
            rows[k] = row
        case .update:
            guard let k = key(of: c, useBefore: false) else { return }
            let old = pick(c.before, names) ?? k
            var row = rows[old] ?? [:]
            for f in c.after ?? [] where !f.value.isUnavailable { row[f.name] = f.value }
            rows[old] = nil
            rows[k] = row
        }
    }

    /// A stored row as a name-to-value map, leaving out nulls (a missing cell reads as null).
    public static func named(_ row: Row, columns: [ColumnSchema]) -> NamedRow {
        var out: NamedRow = [:]
        for (i, c) in columns.enumerated() where !row[i].isNull { out[c.name] = row[i] }
        return out
    }

    public static func withoutNulls(_ row: NamedRow) -> NamedRow { row.filter { !$0.value.isNull } }
}
