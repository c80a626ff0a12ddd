import MSRModel

/// What one line of a Debezium NDJSON log turned out to hold.
public enum DebeziumLine: Sendable {
    /// A row change (or a truncate) to record; `timeFromEvent` when its commit time is the
    /// event's own (the source gave none, or 0), which the summary reports.
    case change(SourceChange, timeFromEvent: Bool)
    /// A well-formed line that carries no row change.
    case skipped(SkipReason)

    /// Why a well-formed line was passed over; counted by ingest, never an error.
    public enum SkipReason: String, Hashable, Sendable, CaseIterable {
        /// An empty or whitespace-only line.
        case blank
        /// A Kafka tombstone (a record whose value is null), which only tells log compaction that
        /// the key's earlier records may go; the delete before it already said everything.
        case tombstone
        /// A transaction boundary (`status` `BEGIN` or `END`) from Debezium's transaction topic.
        case transaction
        /// A logical decoding message (`op` `m`, from `pg_logical_emit_message`), not a row change.
        case message
        /// A heartbeat (`{ts_ms}` on the heartbeat topic): the connector is alive, nothing changed.
        case heartbeat
        /// A schema change event (`ddl`, `tableChanges`) from the connector's schema change topic.
        case schemaChange = "schema change"
        /// A record of the connector's internal schema history topic (`position`, `ddl`).
        case schemaHistory = "schema history"
    }

    /// The change, or nil for a skipped line.
    public var change: SourceChange? {
        if case .change(let c, _) = self { return c }
        return nil
    }

    /// The skip reason, or nil for a change.
    public var skipReason: SkipReason? {
        if case .skipped(let r) = self { return r }
        return nil
    }
}
