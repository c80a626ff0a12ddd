import MSRNats

/// What `msr capture nats` reads and how: the server, stream, subject and durable consumer,
/// and the sizes and waits that trade latency against throughput.
public struct NatsCaptureOptions: Sendable {
    /// The server URL, `nats://host:port`.
    public var server: String
    public var stream: String
    /// The subject (wildcards allowed) whose messages are captured: `dbserver1.>`.
    public var subject: String
    /// The durable consumer's name; the server remembers under it what was acknowledged.
    public var durable: String
    /// Messages recorded per write (one transaction, one fsync): larger batches record faster,
    /// smaller ones acknowledge sooner.
    public var batchSize: Int = 5_000
    /// How long a fetch waits when no message is pending, in milliseconds; also how soon a stop
    /// request is noticed while the stream is quiet.
    public var idleWaitMs: Int64 = 500
    /// How long to wait for more messages to fill a batch already started, in milliseconds.
    public var gatherWaitMs: Int64 = 20
    /// How long the server waits for an acknowledgement before delivering a message again; set
    /// when the consumer is created, kept by an existing one. A message whose recording was
    /// interrupted (a killed process) comes back after this long.
    public var ackWaitMs: Int64 = 30_000
    /// Stop once every message of the stream matching the subject is recorded and acknowledged,
    /// instead of waiting for more.
    public var untilIdle = false
    public var connection = NatsConnectionOptions()

    public init(server: String, stream: String, subject: String, durable: String) {
        self.server = server
        self.stream = stream
        self.subject = subject
        self.durable = durable
    }

    /// The consumer this capture creates when the stream has none of its name: enough
    /// unacknowledged messages allowed for a few batches in flight.
    var consumer: NatsPullConsumer {
        NatsPullConsumer(stream: stream, durable: durable, filterSubject: subject, ackWaitMs: ackWaitMs,
                         maxAckPending: max(1_000, batchSize * 4))
    }

    /// The default durable name for a recording: `msr-` and the file's name without its
    /// extension, with every character a consumer name cannot hold (`.`, `*`, `>`, spaces,
    /// path separators) replaced by `_`, so one recording keeps one place in the stream.
    public static func durableName(forRecording path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.hasSuffix(".msr") ? String(file.dropLast(4)) : file
        let safe = stem.unicodeScalars.map { s -> Character in
            let ok = (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
            return ok ? Character(s) : "_"
        }
        return "msr-" + (safe.isEmpty ? "recording" : String(safe))
    }

    /// Whether `name` can be a durable consumer name.
    public static func isValidDurableName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "." || $0 == "*" || $0 == ">" || $0 == "/" || $0 == "\\" || $0.properties.isWhitespace }
    }
}
