import MSRModel

/// The changes of one source transaction, all sharing its commit time.
///
/// The simulators append to a batch; the generator then takes its changes out one at a time,
/// stamping each with the next source position. Grouping is what makes multi-row transactions
/// (an engagement together with the damage it did) share a commit time while their positions
/// still increase.
struct ExerciseBatch: Sendable {
    /// The changes in order while the batch is being built, in reverse once it is sealed, so
    /// that taking one is a `popLast` that moves it out instead of copying it.
    private var changes: [SourceChange] = []
    /// The commit time as µs since the epoch, which is also what time columns hold.
    private(set) var now: Int64 = 0

    var isEmpty: Bool { changes.isEmpty }
    var count: Int { changes.count }

    /// Empties the batch (keeping its storage) for a transaction committed at `time`.
    mutating func begin(at time: Timestamp) {
        changes.removeAll(keepingCapacity: true)
        now = time.micros
    }

    /// Ends building: from now on `take()` hands the changes out in the order they were added.
    mutating func seal() {
        changes.reverse()
    }

    /// The next change of a sealed batch, or nil when all have been taken.
    mutating func take() -> SourceChange? {
        changes.popLast()
    }

    /// A row the opening snapshot read.
    mutating func read(_ table: ExerciseTable, key: [Field], row: [Field]) {
        append(table, .read, key: key, before: nil, after: row)
    }

    mutating func insert(_ table: ExerciseTable, key: [Field], row: [Field]) {
        append(table, .insert, key: key, before: nil, after: row)
    }

    /// An insert placed before changes already in the batch, for a row whose contents depend
    /// on what those changes did (an engagement's result on the damage it caused).
    mutating func insert(_ table: ExerciseTable, key: [Field], row: [Field], at index: Int) {
        append(table, .insert, key: key, before: nil, after: row)
        changes.insert(changes.removeLast(), at: index)
    }

    mutating func update(_ table: ExerciseTable, key: [Field], before: [Field], after: [Field]) {
        append(table, .update, key: key, before: before, after: after)
    }

    mutating func delete(_ table: ExerciseTable, key: [Field], row: [Field]) {
        append(table, .delete, key: key, before: row, after: nil)
    }

    private mutating func append(_ table: ExerciseTable, _ op: Operation, key: [Field],
                                 before: [Field]?, after: [Field]?) {
        changes.append(SourceChange(table: table.name, op: op, commitTime: Timestamp(micros: now),
                                    keyFields: key, before: before, after: after, columns: table.columns))
    }

    /// The row key every generated table uses: its `id`.
    static func key(_ id: Int64) -> [Field] {
        [Field("id", .int(id))]
    }
}
