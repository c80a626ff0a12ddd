/// How a `NatsConnection` connects and, when the server goes away, reconnects.
///
/// The defaults suit a long-running capture: one quick connect attempt (a wrong URL should fail
/// at once, in one sentence), then unlimited reconnects a second apart, with pings frequent
/// enough that a vanished server is noticed within seconds rather than minutes.
public struct NatsConnectionOptions: Sendable {
    /// The client name the server shows in its connection list.
    public var name: String = "msr"
    /// How long the first connect may take, in milliseconds.
    public var connectTimeoutMs: Int64 = 2_000
    /// Reconnect attempts before giving up; negative means never give up.
    public var maxReconnects: Int = -1
    /// Pause between reconnect attempts to the same server, in milliseconds.
    public var reconnectWaitMs: Int64 = 1_000
    /// Bytes of outgoing data (acks, publishes) buffered while reconnecting.
    public var reconnectBufferBytes: Int = 8 << 20
    /// Interval between pings, in milliseconds; two unanswered pings mark the connection stale.
    public var pingIntervalMs: Int64 = 5_000
    /// How long JetStream API requests (stream and consumer look-ups, publish acks) may take.
    public var requestTimeoutMs: Int64 = 5_000

    public init(name: String = "msr", connectTimeoutMs: Int64 = 2_000, maxReconnects: Int = -1,
                reconnectWaitMs: Int64 = 1_000, pingIntervalMs: Int64 = 5_000, requestTimeoutMs: Int64 = 5_000) {
        self.name = name
        self.connectTimeoutMs = connectTimeoutMs
        self.maxReconnects = maxReconnects
        self.reconnectWaitMs = reconnectWaitMs
        self.pingIntervalMs = pingIntervalMs
        self.requestTimeoutMs = requestTimeoutMs
    }
}
