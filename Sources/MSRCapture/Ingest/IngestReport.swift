import MSRModel
import MSRStore

/// What an ingest did, for the summary line and the exit status.
public struct IngestReport: Sendable {
    public var lines = 0
    public var written = 0
    public var duplicates = 0
    public var unseenRows = 0
    public var rederived = 0
    /// Well-formed lines that carry no change (blank, tombstone, logical message), by reason.
    public var skipped: [String: Int] = [:]
    /// Lines refused, in input order.
    public var rejected: [IngestRejection] = []
    public var newTables: [TableName] = []

    public init() {}
}

/// One refused input line: where it was and why.
public struct IngestRejection: Sendable {
    public var file: String
    public var line: Int
    public var reason: String
}

/// How far an ingest has got, for a progress bar.
public enum IngestProgress: Sendable {
    /// Reading and decoding: bytes read so far of `total` (nil when the size is unknown).
    case reading(bytes: Int64, total: Int64?, lines: Int)
    /// Storing: events handled so far of `total`.
    case writing(done: Int, total: Int)
}
