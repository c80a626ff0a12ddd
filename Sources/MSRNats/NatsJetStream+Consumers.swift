import CNats

/// Durable pull consumers: created explicitly, then bound to by a pull subscription.
///
/// The consumer is created with `js_AddConsumer` rather than left to `js_PullSubscribe`,
/// because a consumer the subscribe call creates is deleted again when the subscription is
/// unsubscribed; one created on its own outlives every process that reads from it, which is
/// what lets a restarted capture resume where the last acknowledgement left off.
extension NatsJetStream {
    /// The consumer's configuration and progress, or nil when the stream has no consumer of
    /// that name (`js_GetConsumerInfo`).
    public func consumerInfo(stream: String, durable: String) throws(NatsError) -> NatsConsumerInfo? {
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        do {
            try natsCall("look up consumer \(durable) of stream \(stream)") { code in
                js_GetConsumerInfo(&info, handle, stream, durable, nil, code)
            }
        } catch where error.condition == .notFound {
            return nil
        }
        defer { jsConsumerInfo_Destroy(info) }
        guard let info else { return nil }
        return NatsConsumerInfo(info.pointee, stream: stream, name: durable)
    }

    /// Creates the durable pull consumer (`js_AddConsumer`) with explicit acknowledgement,
    /// delivering the stream from its first message.
    @discardableResult
    public func addPullConsumer(_ consumer: NatsPullConsumer) throws(NatsError) -> NatsConsumerInfo {
        var config = jsConsumerConfig()
        try natsCall("prepare consumer \(consumer.durable)") { _ in jsConsumerConfig_Init(&config) }
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        var code = jsErrCode(rawValue: 0)
        let status = consumer.durable.withCString { durable in
            consumer.filterSubject.withCString { filter in
                config.Durable = durable
                config.FilterSubject = filter
                config.AckPolicy = js_AckExplicit
                config.DeliverPolicy = js_DeliverAll
                config.AckWait = consumer.ackWaitMs * 1_000_000
                config.MaxAckPending = Int64(consumer.maxAckPending)
                return js_AddConsumer(&info, handle, consumer.stream, &config, nil, &code)
            }
        }
        try natsCheck("create consumer \(consumer.durable) on stream \(consumer.stream)", status: status, jetStreamCode: code)
        defer { jsConsumerInfo_Destroy(info) }
        guard let info else {
            throw NatsError(action: "create consumer \(consumer.durable)", condition: .other, status: "the server sent no consumer")
        }
        return NatsConsumerInfo(info.pointee, stream: consumer.stream, name: consumer.durable)
    }

    /// A pull subscription bound to the existing durable consumer (`js_PullSubscribe` with the
    /// stream and consumer named in `jsSubOptions`, so it never creates one by accident).
    public func pullSubscribe(stream: String, durable: String, subject: String) throws(NatsError) -> NatsPullSubscription {
        var options = jsSubOptions()
        try natsCall("prepare a subscription") { _ in jsSubOptions_Init(&options) }
        var subscription: OpaquePointer?
        var code = jsErrCode(rawValue: 0)
        let status = stream.withCString { cStream in
            durable.withCString { cDurable in
                options.Stream = cStream
                options.Consumer = cDurable
                return js_PullSubscribe(&subscription, handle, subject, cDurable, nil, &options, &code)
            }
        }
        try natsCheck("subscribe to consumer \(durable) of stream \(stream)", status: status, jetStreamCode: code)
        guard let subscription else {
            throw NatsError(action: "subscribe to consumer \(durable)", condition: .other, status: "no subscription was made")
        }
        return NatsPullSubscription(handle: subscription, jetStream: self, description: "consumer \(durable) of stream \(stream)")
    }
}

extension NatsConsumerInfo {
    init(_ info: jsConsumerInfo, stream: String, name: String) {
        let config = info.Config?.pointee
        self.init(stream: stream, name: name,
                  filterSubject: config?.FilterSubject.map { String(cString: $0) } ?? "",
                  isPull: config?.DeliverSubject == nil,
                  ackWaitMs: (config?.AckWait ?? 0) / 1_000_000,
                  maxAckPending: Int(config?.MaxAckPending ?? -1),
                  pending: info.NumPending,
                  ackPending: Int(info.NumAckPending),
                  ackFloor: info.AckFloor.Stream)
    }
}
