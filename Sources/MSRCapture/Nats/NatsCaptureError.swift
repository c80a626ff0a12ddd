import MSRNats
import MSRStore

/// Why `msr capture nats` could not start or had to stop, in one sentence that says what to do.
public enum NatsCaptureError: Error, CustomStringConvertible {
    /// The first connection failed: the server is not there, or the URL is wrong.
    case cannotConnect(server: String, NatsError)
    /// The server has no stream of that name.
    case noStream(stream: String, server: String)
    /// The durable consumer exists but reads another subject than the one asked for.
    case consumerMismatch(durable: String, stream: String, filter: String, wanted: String)
    /// The durable consumer exists as a push consumer, which a pull subscription cannot read.
    case pushConsumer(durable: String, stream: String)
    /// The connection closed for good (the library gave up reconnecting, or the server
    /// refused it).
    case connectionClosed(server: String)
    /// Any other failure of the NATS client.
    case nats(NatsError)
    /// The recording could not be written; nothing of the batch was acknowledged.
    case recording(RecordingError)
    /// The reject file could not be written; nothing of the batch was acknowledged.
    case cannotWriteRejects(path: String)

    public var description: String {
        switch self {
        case .cannotConnect(let server, let e):
            return "Cannot connect to \(server) (\(e.detail.isEmpty ? e.status : e.detail)); check that nats-server runs there and --server is right."
        case .noStream(let stream, let server):
            return "Stream \(stream) does not exist on \(server); check --stream, or let Debezium Server create it."
        case .consumerMismatch(let durable, let stream, let filter, let wanted):
            return "Consumer \(durable) of stream \(stream) reads '\(filter)', not '\(wanted)'; pass another --durable, or delete it (nats consumer rm \(stream) \(durable))."
        case .pushConsumer(let durable, let stream):
            return "Consumer \(durable) of stream \(stream) is a push consumer; pass another --durable for msr's pull consumer."
        case .connectionClosed(let server):
            return "The connection to \(server) closed and could not be re-established; start msr again once the server is back."
        case .nats(let e):
            return e.description
        case .recording(let e):
            return e.description
        case .cannotWriteRejects(let path):
            return "Cannot write \(path); check the directory's permissions."
        }
    }
}
