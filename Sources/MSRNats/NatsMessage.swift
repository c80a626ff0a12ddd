import CNats

/// One message fetched from JetStream (`natsMsg`), owned until this value is released.
public final class NatsMessage {
    let handle: OpaquePointer
    /// Kept so the subscription, which acknowledgements go through, outlives the message.
    let subscription: NatsPullSubscription

    init(handle: OpaquePointer, subscription: NatsPullSubscription) {
        self.handle = handle
        self.subscription = subscription
    }

    deinit {
        natsMsg_Destroy(handle)
    }

    /// The subject it was published to (`natsMsg_GetSubject`).
    public var subject: String {
        natsMsg_GetSubject(handle).map { String(cString: $0) } ?? ""
    }

    /// Calls `body` with the message's payload bytes (`natsMsg_GetData`), valid during the call.
    public func withData<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let count = Int(natsMsg_GetDataLength(handle))
        guard count > 0, let data = natsMsg_GetData(handle) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try data.withMemoryRebound(to: UInt8.self, capacity: count) {
            try body(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// A copy of the payload.
    public var data: [UInt8] { withData { Array($0) } }

    /// Where the message sits in its stream and how often it was delivered
    /// (`natsMsg_GetMetaData`, parsed from the reply subject JetStream gave it).
    public func metadata() throws(NatsError) -> NatsMessageMetadata {
        var meta: UnsafeMutablePointer<jsMsgMetaData>?
        try natsCall("read a message's JetStream metadata") { _ in natsMsg_GetMetaData(&meta, handle) }
        defer { jsMsgMetaData_Destroy(meta) }
        guard let m = meta?.pointee else { return NatsMessageMetadata() }
        return NatsMessageMetadata(streamSequence: m.Sequence.Stream, consumerSequence: m.Sequence.Consumer,
                                   deliveries: m.NumDelivered, pending: m.NumPending)
    }

    /// Acknowledges the message without waiting for the server (`natsMsg_Ack`); follow a
    /// batch of these with `NatsConnection.flush` to know they arrived.
    public func ack() throws(NatsError) {
        try natsCall("acknowledge a message on \(subject)") { _ in natsMsg_Ack(handle, nil) }
    }

    /// Acknowledges the message and waits for the server to confirm (`natsMsg_AckSync`).
    public func ackSync() throws(NatsError) {
        try natsCall("acknowledge a message on \(subject)") { code in natsMsg_AckSync(handle, nil, code) }
    }
}

/// A JetStream message's place in its stream and consumer (`jsMsgMetaData`).
public struct NatsMessageMetadata: Sendable, Hashable {
    public var streamSequence: UInt64 = 0
    public var consumerSequence: UInt64 = 0
    /// 1 on first delivery, more when the message is delivered again (unacknowledged in time).
    public var deliveries: UInt64 = 0
    /// Messages left for the consumer after this one when it was delivered.
    public var pending: UInt64 = 0

    public init(streamSequence: UInt64 = 0, consumerSequence: UInt64 = 0, deliveries: UInt64 = 0, pending: UInt64 = 0) {
        self.streamSequence = streamSequence
        self.consumerSequence = consumerSequence
        self.deliveries = deliveries
        self.pending = pending
    }
}
