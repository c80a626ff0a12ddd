import CNats

/// A connection to a NATS server (`natsConnection`), reconnecting by itself per its options.
///
/// Not thread-safe as a Swift value: one thread uses it, together with the JetStream context,
/// subscriptions and messages made from it. Those hold a strong reference back, so the C
/// objects are destroyed in the order libnats needs (messages, subscription, context,
/// connection).
public final class NatsConnection {
    public let url: String
    public let options: NatsConnectionOptions
    let handle: OpaquePointer

    /// Connects to `url` (`nats://host:port`, or several separated by commas).
    public init(url: String, options: NatsConnectionOptions = NatsConnectionOptions()) throws(NatsError) {
        self.url = url
        self.options = options
        var opts: OpaquePointer?
        try natsCall("prepare a connection to \(url)") { _ in natsOptions_Create(&opts) }
        defer { natsOptions_Destroy(opts) }
        try natsCall("use the server address \(url)") { _ in natsOptions_SetURL(opts, url) }
        try natsCall("set the connection's options") { _ in natsOptions_SetName(opts, options.name) }
        try natsCall("set the connection's options") { _ in natsOptions_SetTimeout(opts, options.connectTimeoutMs) }
        try natsCall("set the connection's options") { _ in natsOptions_SetAllowReconnect(opts, true) }
        try natsCall("set the connection's options") { _ in natsOptions_SetMaxReconnect(opts, Int32(clamping: options.maxReconnects)) }
        try natsCall("set the connection's options") { _ in natsOptions_SetReconnectWait(opts, options.reconnectWaitMs) }
        try natsCall("set the connection's options") { _ in natsOptions_SetReconnectBufSize(opts, Int32(clamping: options.reconnectBufferBytes)) }
        try natsCall("set the connection's options") { _ in natsOptions_SetPingInterval(opts, options.pingIntervalMs) }
        try natsCall("set the connection's options") { _ in natsOptions_SetMaxPingsOut(opts, 2) }
        var connection: OpaquePointer?
        try natsCall("connect to \(url)") { _ in natsConnection_Connect(&connection, opts) }
        guard let connection else {
            throw NatsError(action: "connect to \(url)", condition: .noServer, status: "no connection was made")
        }
        handle = connection
    }

    deinit {
        natsConnection_Destroy(handle)
    }

    /// Where the connection stands (`natsConnection_Status`).
    public var status: NatsConnectionStatus {
        switch natsConnection_Status(handle) {
        case NATS_CONN_STATUS_CONNECTED: return .connected
        case NATS_CONN_STATUS_CONNECTING, NATS_CONN_STATUS_RECONNECTING, NATS_CONN_STATUS_DISCONNECTED: return .reconnecting
        case NATS_CONN_STATUS_CLOSED: return .closed
        default: return .draining
        }
    }

    /// Waits until the server has processed everything sent so far — acknowledgements
    /// included — or `timeoutMs` passes (`natsConnection_FlushTimeout`).
    public func flush(timeoutMs: Int64) throws(NatsError) {
        try natsCall("flush the connection to \(url)") { _ in natsConnection_FlushTimeout(handle, timeoutMs) }
    }

    /// The JetStream context of this connection (`natsConnection_JetStream`).
    public func jetStream() throws(NatsError) -> NatsJetStream {
        try NatsJetStream(connection: self, requestTimeoutMs: options.requestTimeoutMs)
    }

    /// Closes the connection; later calls on it fail with a `.closed` condition.
    public func close() {
        natsConnection_Close(handle)
    }
}

/// The state of a `NatsConnection`, simplified to what msr reports.
public enum NatsConnectionStatus: Sendable, Hashable {
    case connected
    /// Disconnected and trying to reconnect (or still connecting).
    case reconnecting
    case draining
    case closed
}
