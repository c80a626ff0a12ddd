import MSRModel

/// What a NATS capture has done since it started, for the progress line and the summary.
public struct NatsCaptureReport: Sendable {
    /// Messages fetched and acknowledged.
    public var messages = 0
    /// Events added to the recording.
    public var written = 0
    /// Events already in the recording (the same message published or delivered twice).
    public var duplicates = 0
    public var unseenRows = 0
    /// Events already recorded that were derived again because earlier ones arrived late
    /// (out of order across subjects, or redelivered after a restart).
    public var rederived = 0
    /// Well-formed messages that carry no change (empty, tombstone, logical message), by reason.
    public var skipped: [String: Int] = [:]
    public var rejected = 0
    /// Changes timed by when Debezium read them (the event's `ts_ms`/`ts_us`), because the
    /// source's time was missing or 0, as in MySQL snapshot rows.
    public var timedByEvent = 0
    /// Messages the server delivered more than once (an acknowledgement it never saw).
    public var redelivered = 0
    /// Acknowledgements that could not be sent; those messages will come again and be skipped
    /// as duplicates.
    public var ackFailures = 0
    /// Messages matching the subject not yet delivered, as of the last batch.
    public var pending: UInt64 = 0
    /// The stream sequence of the last message recorded.
    public var lastSequence: UInt64 = 0
    /// The commit time of the last change recorded.
    public var lastCommit: Timestamp?
    public var newTables: [TableName] = []
    /// False while the connection is down and being re-established.
    public var connected = true

    public init() {}
}

/// A message refused: where it was in the stream, and why. The message itself is in the reject
/// file.
public struct NatsRejection: Sendable, Hashable {
    public var subject: String
    public var streamSequence: UInt64
    public var reason: String
}

/// What a running capture reports as it goes.
public enum NatsCaptureEvent: Sendable {
    /// Connected, the stream found, the consumer bound: `created` when msr made the consumer
    /// (the first run), false when it resumes one.
    case started(durable: String, created: Bool, streamMessages: UInt64, pending: UInt64)
    /// A batch is in the recording and acknowledged; `rejections` are its refused messages.
    case recorded(NatsCaptureReport, rejections: [NatsRejection])
    /// A fetch found nothing new.
    case idle(NatsCaptureReport)
    /// The connection is down; libnats is reconnecting.
    case disconnected(NatsCaptureReport, reason: String)
}
