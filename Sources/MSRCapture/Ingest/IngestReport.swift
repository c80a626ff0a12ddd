import MSRModel
import MSRStore

/// What an ingest did, for the summary line and the exit status.
public struct IngestReport: Sendable {
    public var lines = 0
    public var written = 0
    public var duplicates = 0
    public var unseenRows = 0
    public var rederived = 0
    /// Snapshot rows older than a change of their row already recorded, kept as read.
    public var staleSnapshotRows = 0
    /// Lines whose source gave no commit time (or 0): timed by when Debezium read them.
    public var timedByEvent = 0
    /// Well-formed lines that carry no change (blank, tombstone, logical message), by reason.
    public var skipped: [String: Int] = [:]
    /// Lines refused, in input order.
    public var rejected: [IngestRejection] = []
    public var newTables: [TableName] = []
    /// Why the refused lines could not be appended to the reject file (the recording holds
    /// everything valid all the same); nil when they were, or when there were none.
    public var rejectsNotWritten: String?

    public init() {}
}

/// One refused input line: where it was and why.
public struct IngestRejection: Sendable {
    public var file: String
    public var line: Int
    public var reason: String
}

/// How far an ingest has got, for a progress bar: input read and events stored so far.
public struct IngestProgress: Sendable {
    /// Bytes read so far, over all inputs.
    public var bytes: Int64
    /// The inputs' total size; nil when one is standard input.
    public var total: Int64?
    /// Lines read so far.
    public var lines: Int
    /// Events added to the recording so far.
    public var stored: Int
}
