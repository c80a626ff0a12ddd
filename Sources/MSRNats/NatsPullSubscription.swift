import CNats

/// A pull subscription on a durable consumer: messages arrive only when fetched.
///
/// Destroying it (`natsSubscription_Destroy`, never `Unsubscribe`) frees the client's side and
/// leaves the durable consumer, and its acknowledgement floor, on the server.
public final class NatsPullSubscription {
    let handle: OpaquePointer
    /// Kept so the context and connection outlive the subscription.
    let jetStream: NatsJetStream
    let what: String

    init(handle: OpaquePointer, jetStream: NatsJetStream, description: String) {
        self.handle = handle
        self.jetStream = jetStream
        self.what = description
    }

    deinit {
        natsSubscription_Destroy(handle)
    }

    /// Up to `max` messages, waiting at most `timeoutMs` for the first
    /// (`natsSubscription_Fetch`); empty when none arrived in time.
    ///
    /// Messages that did arrive are returned even when the fetch then reports a failure; the
    /// failure shows again on the next call.
    public func fetch(max: Int, timeoutMs: Int64) throws(NatsError) -> [NatsMessage] {
        var list = natsMsgList()
        var code = jsErrCode(rawValue: 0)
        let status = natsSubscription_Fetch(&list, handle, Int32(clamping: Swift.max(1, max)), Swift.max(1, timeoutMs), &code)
        let error = status == NATS_OK ? nil : NatsError(action: "fetch from \(what)", status: status, jetStreamCode: code)
        var messages: [NatsMessage] = []
        if let pointers = list.Msgs {
            messages.reserveCapacity(Int(list.Count))
            for i in 0..<Int(list.Count) {
                if let m = pointers[i] {
                    messages.append(NatsMessage(handle: m, subscription: self))
                    // Owned by the NatsMessage now, so the list must not destroy it.
                    pointers[i] = nil
                }
            }
        }
        natsMsgList_Destroy(&list)
        if let error, messages.isEmpty, error.condition != .timeout { throw error }
        return messages
    }
}
