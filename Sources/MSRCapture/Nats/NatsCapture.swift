import Foundation
import MSRModel
import MSRNats
import MSRStore

/// `msr capture nats`: records Debezium change events from a NATS JetStream stream, as Debezium
/// Server's JetStream sink publishes them, through a durable pull consumer.
///
/// Nothing is lost and nothing is recorded twice, whatever happens to either side:
/// - a message is acknowledged only after the batch holding it is committed to the recording
///   (the caller makes the store's commits durable, `requireDurableCommits()`), so a message
///   whose recording was interrupted is delivered again;
/// - the sink sets no message id, so the stream may hold a change twice, and redelivery adds
///   more copies; the writer skips any event already recorded (same table, key, source
///   position and operation);
/// - the consumer is durable, so a restarted capture resumes after the last acknowledgement.
/// Bad messages are written to the reject file and acknowledged, so they are not delivered
/// forever.
public final class NatsCapture {
    let writer: RecordingWriter
    public let options: NatsCaptureOptions
    let rejects: NatsRejectLog
    let decoder = NatsBatchDecoder()
    var report = NatsCaptureReport()

    /// `writer` records into a store whose commits are durable; refused messages are appended
    /// to `rejectsPath`.
    public init(writer: RecordingWriter, options: NatsCaptureOptions, rejectsPath: String) {
        self.writer = writer
        self.options = options
        self.rejects = NatsRejectLog(path: rejectsPath, stream: options.stream, subject: options.subject)
    }

    /// Captures until `stop` is set (then after the batch in hand, its acknowledgements sent),
    /// or — with `untilIdle` — until the consumer has nothing left. Throws when the capture
    /// cannot start or cannot go on; messages not yet acknowledged then come again next time.
    public func run(stop: CaptureStopFlag, observe: (NatsCaptureEvent) -> Void = { _ in }) throws(NatsCaptureError) -> NatsCaptureReport {
        let connection: NatsConnection
        do {
            connection = try NatsConnection(url: options.server, options: options.connection)
        } catch {
            throw .cannotConnect(server: options.server, error)
        }
        defer { connection.close() }
        let (jetStream, stream, consumer, created) = try prepareConsumer(connection)
        observe(.started(durable: options.durable, created: created, streamMessages: stream.messages, pending: consumer.pending))
        // A fetch never asks for more than the consumer lets be unacknowledged at once.
        let limit = max(1, consumer.maxAckPending > 0 ? min(options.batchSize, consumer.maxAckPending) : options.batchSize)
        var subscription: NatsPullSubscription?
        while !stop.isRequested {
            // A console following this recording live sees the capture is alive.
            try? writer.heartbeat()
            do {
                let sub = try subscription ?? jetStream.pullSubscribe(stream: options.stream, durable: options.durable, subject: options.subject)
                subscription = sub
                let messages = try gather(sub, limit: limit, stop: stop)
                if messages.isEmpty && connection.status != .connected {
                    // While libnats reconnects, a fetch simply times out.
                    report.connected = false
                    observe(.disconnected(report, reason: "connection lost"))
                    continue
                }
                report.connected = true
                if messages.isEmpty {
                    if options.untilIdle, try isDrained(jetStream) { break }
                    observe(.idle(report))
                    continue
                }
                let rejections = try record(messages, connection: connection)
                observe(.recorded(report, rejections: rejections))
            } catch let error as NatsError {
                try survive(error, connection: connection)
                report.connected = false
                observe(.disconnected(report, reason: error.description))
                // A subscription that fails while the connection is up again is made afresh.
                if connection.status == .connected { subscription = nil }
                Thread.sleep(forTimeInterval: Double(options.connection.reconnectWaitMs) / 2000)
            } catch let error as NatsCaptureError {
                throw error
            } catch {
                throw .nats(NatsError(action: "capture from \(options.server)", condition: .other, status: String(describing: error)))
            }
        }
        try? connection.flush(timeoutMs: options.connection.requestTimeoutMs)
        try? writer.heartbeat(stopping: true)
        return report
    }

    /// Returns when waiting may end `error` (libnats is reconnecting, the server is restarting);
    /// throws when it cannot.
    private func survive(_ error: NatsError, connection: NatsConnection) throws(NatsCaptureError) {
        if connection.status == .closed || error.condition == .closed {
            throw .connectionClosed(server: options.server)
        }
        // The consumer or stream was deleted under us: waiting will not bring it back.
        if error.condition == .notFound { throw .nats(error) }
    }

    /// Finds the stream and the durable consumer, creating the consumer on the first run.
    private func prepareConsumer(_ connection: NatsConnection) throws(NatsCaptureError)
        -> (NatsJetStream, NatsStreamInfo, NatsConsumerInfo, created: Bool) {
        let (jetStream, stream, existing) = try wrap { () throws(NatsError) in
            let jetStream = try connection.jetStream()
            guard let stream = try jetStream.streamInfo(options.stream) else {
                throw NatsError(action: "find stream \(options.stream)", condition: .notFound, status: "no such stream")
            }
            return (jetStream, stream, try jetStream.consumerInfo(stream: options.stream, durable: options.durable))
        }
        guard let consumer = existing else {
            return (jetStream, stream, try wrap { () throws(NatsError) in try jetStream.addPullConsumer(options.consumer) }, true)
        }
        guard consumer.isPull else { throw .pushConsumer(durable: options.durable, stream: options.stream) }
        guard consumer.filterSubject == options.subject else {
            throw .consumerMismatch(durable: options.durable, stream: options.stream, filter: consumer.filterSubject, wanted: options.subject)
        }
        return (jetStream, stream, consumer, false)
    }

    /// Messages for one batch: whatever the first fetch brings (waiting up to `idleWaitMs`),
    /// topped up while more keep arriving within `gatherWaitMs`, up to `limit`.
    private func gather(_ sub: NatsPullSubscription, limit: Int, stop: CaptureStopFlag) throws(NatsError) -> [NatsMessage] {
        var batch = try sub.fetch(max: limit, timeoutMs: options.idleWaitMs)
        while !batch.isEmpty, batch.count < limit, !stop.isRequested {
            guard let more = try? sub.fetch(max: limit - batch.count, timeoutMs: options.gatherWaitMs), !more.isEmpty else { break }
            batch += more
        }
        return batch
    }

    /// True when every message matching the subject is delivered and acknowledged.
    private func isDrained(_ jetStream: NatsJetStream) throws(NatsError) -> Bool {
        guard let info = try jetStream.consumerInfo(stream: options.stream, durable: options.durable) else { return false }
        report.pending = info.pending
        return info.pending == 0 && info.ackPending == 0
    }

    /// Runs NATS calls at start-up; "not found" there means the stream is missing.
    private func wrap<T>(_ body: () throws(NatsError) -> T) throws(NatsCaptureError) -> T {
        do {
            return try body()
        } catch where error.condition == .notFound {
            throw .noStream(stream: options.stream, server: options.server)
        } catch {
            throw .nats(error)
        }
    }
}
