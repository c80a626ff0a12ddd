import MSRModel
import MSRStore

/// Answers questions about a recording at chosen moments: a table's state at a time, and what
/// changed between two times.
public final class Reconstructor {
    public let store: RecordingStore
    public let summary: RecordingSummary
    private var cursors: [TableID: TableCursor] = [:]

    /// With `pinned`, every answer comes from the recording as it was when this opened, however
    /// long the questions take and whatever an ingest or a capture commits meanwhile
    /// (`RecordingStore.pinSnapshot`).
    public init(store: RecordingStore, pinned: Bool = false) throws(RecordingError) {
        self.store = store
        if pinned { try store.pinSnapshot() }
        self.summary = try store.summary()
    }

    /// Throws when rows read so far came from keyframe pages that could not be read (missing,
    /// or not matching their checksum), so that an answer with rows missing is never given as
    /// whole. The error names the first such page, its table and keyframe. Pages gone because
    /// a writer rewrote the history meanwhile (possible only unpinned) leave rows missing too:
    /// then it throws `historyRewritten`, and the question is to be asked again.
    public func checkIntact() throws(RecordingError) {
        try store.damage.check()
        if let stale = store.damage.staleRevision { throw .historyRewritten(path: store.location, revision: stale) }
    }

    /// The recording's first commit time (the origin of `+offset` times).
    public var start: Timestamp { summary.firstCommit ?? Timestamp(micros: 0) }

    /// The moment `spec` names: a time of day on the recording's date in `zone`; a step
    /// (`-10m`, `+30s`) from the recording's start, since a one-shot command has no playhead.
    public func resolve(_ spec: TimeSpec, zone: TimeZoneSetting = .utc) -> Timestamp {
        spec.resolve(start: start, end: summary.lastCommit ?? start, current: start, zone: zone)
    }

    public func cursor(for table: TableSchema) -> TableCursor {
        if let c = cursors[table.id] { return c }
        let c = TableCursor(store: store, schema: table)
        cursors[table.id] = c
        return c
    }

    /// The state of `table` with every event committed at or before `time` applied.
    public func state(of table: TableSchema, at time: Timestamp) throws(RecordingError) -> TableState {
        let c = cursor(for: table)
        try c.seek(toSeq: try store.lastSeq(atOrBefore: time))
        return c.state
    }

    /// What changed in `table` from `from` to `to` (either order).
    public func diff(of table: TableSchema, from: Timestamp, to: Timestamp) throws(RecordingError) -> TableDiff {
        let a = try state(of: table, at: from)
        let b = try state(of: table, at: to)
        let (low, high) = a.seq <= b.seq ? (a.seq, b.seq) : (b.seq, a.seq)
        guard high > low else { return TableDiff() }
        // Counting is an index scan; reading events decodes them. Read them only when they are
        // fewer than the rows a full comparison would walk, and no truncate hides keys.
        let span = EventQuery(afterSeq: low, throughSeq: high, tables: [table.id])
        var truncates = span
        truncates.ops = [.truncate]
        let changes = try store.count(matching: span)
        let truncated = try store.count(matching: truncates) > 0
        if truncated || changes > Int64(a.count + b.count) {
            return TableDiff(from: a, to: b)
        }
        let events = try store.events(in: (low + 1)...high, table: table.id)
        var keys = Set<RowKey>()
        for e in events {
            keys.insert(e.key)
            if let before = e.before { keys.insert(before.key(table.keyColumns)) }
        }
        return TableDiff(from: a, to: b, touching: keys)
    }
}
