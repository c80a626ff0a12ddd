import MSRModel

/// Random source changes over two tables, with every case the store must complete right:
/// partial updates, placeholder columns, key changes, unseen rows, deletes known only by key,
/// truncates, equal commit times, input out of commit order, and text keys that differ only in
/// Unicode normalisation.
public struct RandomChangeStream {
    public static let tableA = TableName(schema: "public", name: "alpha")
    public static let tableB = TableName(schema: "ops", name: "beta")

    public var random: SeededRandom
    /// Keys believed alive per table, to pick plausible targets (some picks are stale on purpose).
    private var alive: [TableName: [RowKey]] = [:]
    private var time: Int64 = 1_700_000_000_000_000
    private var position: Int64 = 1000
    private var origin = 0
    private var fresh: Int64 = 0

    /// Keys of `alpha` are drawn from 1...keySpace; a bigger space makes a table of many rows.
    public var keySpace: Int64

    public init(seed: UInt64, keySpace: Int64 = 40) {
        random = SeededRandom(seed: seed)
        self.keySpace = keySpace
    }

    /// `count` changes in commit order (positions increasing); shuffle them to test ordering.
    public mutating func changes(_ count: Int, truncates: Bool = true, keyChanges: Bool = true) -> [SourceChange] {
        var out: [SourceChange] = []
        for _ in 0..<count {
            if Int.random(in: 0..<4, using: &random) == 0 { time += Int64.random(in: 1...3_000_000, using: &random) }
            position += Int64.random(in: 1...5, using: &random)
            let table = Bool.random(using: &random) ? Self.tableA : Self.tableB
            out.append(change(table: table, truncates: truncates, keyChanges: keyChanges))
            origin += 1
        }
        return out
    }

    private mutating func randomKey(_ table: TableName) -> RowKey {
        if table == Self.tableA { return RowKey([.int(Int64.random(in: 1...keySpace, using: &random))]) }
        // Look-alike regions (é composed and decomposed, Å and the Angstrom sign) are four keys.
        let region = ["\u{E9}", "e\u{301}", "\u{C5}", "\u{212B}"][Int.random(in: 0..<4, using: &random)]
        return RowKey([.string(region), .int(Int64.random(in: 1...8, using: &random))])
    }

    private func keyFields(_ table: TableName, _ key: RowKey) -> [Field] {
        table == Self.tableA ? [Field("id", key.values[0])] : [Field("region", key.values[0]), Field("n", key.values[1])]
    }

    private mutating func payload(_ table: TableName, _ key: RowKey, partial: Bool) -> [Field] {
        var fields = keyFields(table, key)
        let names = table == Self.tableA ? ["name", "score", "flag", "note"] : ["status", "level"]
        for name in names {
            if partial && Int.random(in: 0..<3, using: &random) == 0 { continue }
            let roll = Int.random(in: 0..<10, using: &random)
            let value: Value
            if partial && roll == 0 {
                value = .string(Value.unavailablePlaceholder)
            } else if roll == 1 {
                value = .null
            } else {
                switch name {
                case "score", "level": value = .int(Int64.random(in: -100...100, using: &random))
                case "flag": value = .bool(Bool.random(using: &random))
                case "note": value = .json("{\"k\":\(Int.random(in: 0...9, using: &random))}")
                default: value = .string("v\(Int.random(in: 0...999, using: &random))")
                }
            }
            fields.append(Field(name, value))
        }
        return fields
    }

    private mutating func change(table: TableName, truncates: Bool, keyChanges: Bool) -> SourceChange {
        var c = SourceChange(table: table, op: .insert, commitTime: Timestamp(micros: time), position: SourcePosition(position), origin: origin)
        let roll = Int.random(in: 0..<100, using: &random)
        let known = alive[table] ?? []
        let useKnown = !known.isEmpty && Int.random(in: 0..<10, using: &random) < 8
        let key = useKnown ? known[Int.random(in: 0..<known.count, using: &random)] : randomKey(table)
        let withKey = Bool.random(using: &random)
        switch roll {
        case 0..<2 where truncates:
            c.op = .truncate
            alive[table] = []
        case 0..<35:
            c.op = Int.random(in: 0..<5, using: &random) == 0 ? .read : .insert
            c.after = payload(table, key, partial: false)
            if withKey { c.keyFields = keyFields(table, key) }
            if !known.contains(key) { alive[table, default: []].append(key) }
        case 35..<80:
            c.op = .update
            var newKey = key
            if keyChanges && Int.random(in: 0..<12, using: &random) == 0 {
                // A key change moves the row to a key never used, as a database would require.
                fresh += 1
                newKey = table == Self.tableA ? RowKey([.int(keySpace + 1000 + fresh)]) : RowKey([.string("x"), .int(fresh)])
                c.before = keyFields(table, key)
                alive[table] = (alive[table] ?? []).filter { $0 != key } + [newKey]
            } else if Bool.random(using: &random) {
                c.before = payload(table, key, partial: false)
            }
            c.after = payload(table, newKey, partial: true)
            if withKey { c.keyFields = keyFields(table, newKey) }
        default:
            c.op = .delete
            if withKey || Bool.random(using: &random) {
                c.keyFields = keyFields(table, key)
            }
            if c.keyFields == nil || Bool.random(using: &random) { c.before = keyFields(table, key) }
            alive[table] = (alive[table] ?? []).filter { $0 != key }
        }
        return c
    }
}
