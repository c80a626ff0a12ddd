/// A durable pull consumer as msr creates it: explicit acknowledgement, every message of the
/// stream matching one filter subject, from the first.
public struct NatsPullConsumer: Sendable, Hashable {
    public var stream: String
    /// The durable name, under which the server remembers what was acknowledged across
    /// restarts of the consumer. It cannot contain `.`, `*`, `>` or spaces.
    public var durable: String
    /// The subject (wildcards allowed) whose messages the consumer delivers.
    public var filterSubject: String
    /// How long the server waits for an acknowledgement before delivering a message again.
    public var ackWaitMs: Int64
    /// Messages delivered but not yet acknowledged, at most; a fetch gets no more than this.
    public var maxAckPending: Int

    public init(stream: String, durable: String, filterSubject: String, ackWaitMs: Int64 = 30_000, maxAckPending: Int = 20_000) {
        self.stream = stream
        self.durable = durable
        self.filterSubject = filterSubject
        self.ackWaitMs = ackWaitMs
        self.maxAckPending = maxAckPending
    }
}

/// A consumer's configuration and progress on the server, from `js_GetConsumerInfo`.
public struct NatsConsumerInfo: Sendable, Hashable {
    public var stream: String
    public var name: String
    public var filterSubject: String
    /// False when the consumer pushes to a deliver subject, which a pull subscription cannot use.
    public var isPull: Bool
    public var ackWaitMs: Int64
    /// Negative when unlimited.
    public var maxAckPending: Int
    /// Messages matching the filter not yet delivered.
    public var pending: UInt64
    /// Messages delivered but not acknowledged (possibly to an earlier, killed process).
    public var ackPending: Int
    /// The stream sequence below which every message is acknowledged.
    public var ackFloor: UInt64
}
