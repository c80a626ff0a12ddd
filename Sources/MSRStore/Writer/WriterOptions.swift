import MSRModel

/// How a `RecordingWriter` completes, orders and stores events.
public struct WriterOptions: Sendable {
    /// Events of one table between two of its keyframes.
    public var keyframeInterval: Int = 2000
    /// Events committed per transaction: a writer killed mid-way keeps every committed batch.
    public var batchSize: Int = 20_000
    /// Primary-key columns named by the user (`--key TABLE=COL[,COL]`), by qualified or bare
    /// table name, for tables whose events carry no message key.
    public var keyOverrides: [String: [String]] = [:]
    /// Whether a value spelled `Value.unavailablePlaceholder` stands for "unchanged, keep the
    /// previous value" (Debezium's in-band marker). A source that marks unchanged values out
    /// of band (pgoutput leaves them out of the image) turns this off, so such text is text.
    public var inBandPlaceholders = true
    /// Whether a column type the source states differently from the table's (after `ALTER
    /// COLUMN … TYPE`) becomes the column's type, noted as a `ColumnTypeChange`. Off, the
    /// first type the source gave stays.
    public var followTypeChanges = false

    public init(keyframeInterval: Int = 2000, batchSize: Int = 20_000, keyOverrides: [String: [String]] = [:],
                inBandPlaceholders: Bool = true) {
        self.keyframeInterval = max(1, keyframeInterval)
        self.batchSize = max(1, batchSize)
        self.keyOverrides = keyOverrides
        self.inBandPlaceholders = inBandPlaceholders
    }

    /// The override for `table`, its name matched by bytes (a dictionary lookup would also
    /// match a canonically equivalent name of another table).
    func keyOverride(for table: TableName) -> [String]? {
        let qualified = table.qualified
        return keyOverrides.first { $0.key.utf8Equal(qualified) }?.value
            ?? keyOverrides.first { $0.key.utf8Equal(table.name) }?.value
    }
}

/// What one call of `RecordingWriter.write` did.
public struct WriteReport: Sendable {
    /// Events added to the recording (re-derived ones not counted again).
    public var written = 0
    /// Changes already in the recording (same table, key, source position and operation), or
    /// repeated in the input, and skipped.
    public var duplicates = 0
    /// Updates and deletes of rows the recording had never seen, kept as upserts or no-ops: the
    /// change in the recording's count, so a re-derived event that now finds its row (it arrived
    /// before its insert, which came late) counts minus one.
    public var unseenRows = 0
    /// Events already stored that were re-derived because earlier events arrived late.
    public var rederived = 0
    /// Snapshot rows older, in their source, than a change of the row already recorded: stored
    /// as read, the row left as the change made it (`SnapshotPlacement`).
    public var staleSnapshotRows = 0
    /// Changes refused, with the input line (origin) they came from.
    public var rejected: [(origin: Int, error: RecordingError)] = []
    /// Tables seen for the first time.
    public var newTables: [TableName] = []

    public init() {}
}
