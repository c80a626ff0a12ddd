import CNats
import Glibc

/// A JetStream context (`jsCtx`): stream look-ups and creation, publishing, and the durable
/// pull consumers of `NatsJetStream+Consumers.swift`.
public final class NatsJetStream {
    public let connection: NatsConnection
    let handle: OpaquePointer

    init(connection: NatsConnection, requestTimeoutMs: Int64) throws(NatsError) {
        self.connection = connection
        var options = jsOptions()
        try natsCall("prepare JetStream options") { _ in jsOptions_Init(&options) }
        options.Wait = requestTimeoutMs
        var context: OpaquePointer?
        try natsCall("open JetStream on \(connection.url)") { _ in natsConnection_JetStream(&context, connection.handle, &options) }
        guard let context else {
            throw NatsError(action: "open JetStream on \(connection.url)", condition: .other, status: "no context was made")
        }
        handle = context
    }

    deinit {
        jsCtx_Destroy(handle)
    }

    /// The stream's state, or nil when there is no stream of that name (`js_GetStreamInfo`).
    public func streamInfo(_ name: String) throws(NatsError) -> NatsStreamInfo? {
        var info: UnsafeMutablePointer<jsStreamInfo>?
        do {
            try natsCall("look up stream \(name)") { code in js_GetStreamInfo(&info, handle, name, nil, code) }
        } catch where error.condition == .notFound {
            return nil
        }
        defer { jsStreamInfo_Destroy(info) }
        guard let info else { return nil }
        var subjects: [String] = []
        if let config = info.pointee.Config, let list = config.pointee.Subjects {
            for i in 0..<Int(config.pointee.SubjectsLen) {
                if let s = list[i] { subjects.append(String(cString: s)) }
            }
        }
        let state = info.pointee.State
        return NatsStreamInfo(name: name, subjects: subjects, messages: state.Msgs,
                              firstSequence: state.FirstSeq, lastSequence: state.LastSeq)
    }

    /// Creates a stream holding `subjects` (`js_AddStream`), on disk unless `inMemory`.
    /// Creating a stream that exists with the same configuration succeeds.
    public func addStream(_ name: String, subjects: [String], inMemory: Bool = false) throws(NatsError) {
        var config = jsStreamConfig()
        try natsCall("prepare stream \(name)") { _ in jsStreamConfig_Init(&config) }
        let copies = subjects.map { UnsafePointer<CChar>(strdup($0)) }
        defer { copies.forEach { free(UnsafeMutableRawPointer(mutating: $0)) } }
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(rawValue: 0)
        var list = copies
        let status = name.withCString { cName in
            list.withUnsafeMutableBufferPointer { buffer in
                config.Name = cName
                config.Subjects = buffer.baseAddress
                config.SubjectsLen = Int32(buffer.count)
                config.Storage = inMemory ? js_MemoryStorage : js_FileStorage
                return js_AddStream(&info, handle, &config, nil, &code)
            }
        }
        try natsCheck("create stream \(name)", status: status, jetStreamCode: code)
        jsStreamInfo_Destroy(info)
    }

    /// Publishes one message and waits for the stream to store it (`js_Publish`); returns the
    /// message's stream sequence.
    @discardableResult
    public func publish(subject: String, data: [UInt8]) throws(NatsError) -> UInt64 {
        var ack: UnsafeMutablePointer<jsPubAck>?
        var code = jsErrCode(rawValue: 0)
        let status = data.withUnsafeBytes { bytes in
            js_Publish(&ack, handle, subject, bytes.baseAddress, Int32(bytes.count), nil, &code)
        }
        try natsCheck("publish to \(subject)", status: status, jetStreamCode: code)
        defer { jsPubAck_Destroy(ack) }
        return ack?.pointee.Sequence ?? 0
    }

    /// Publishes one message of text.
    @discardableResult
    public func publish(subject: String, text: String) throws(NatsError) -> UInt64 {
        try publish(subject: subject, data: Array(text.utf8))
    }
}

/// What a stream holds, from `js_GetStreamInfo`.
public struct NatsStreamInfo: Sendable, Hashable {
    public var name: String
    public var subjects: [String]
    public var messages: UInt64
    public var firstSequence: UInt64
    public var lastSequence: UInt64
}
