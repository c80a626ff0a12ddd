import CNats

/// A libnats call that failed: what msr was doing, and what the library said about it.
///
/// The description is one sentence for the user ("Cannot connect to nats://…: No server
/// available for connection."); `condition` lets callers tell a passing outage (a timeout, a
/// dropped connection the library is re-establishing) from a lasting one.
public struct NatsError: Error, Sendable, CustomStringConvertible {
    /// What the caller was doing, as a verb phrase: "connect to nats://127.0.0.1:4222".
    public var action: String
    public var condition: Condition
    /// libnats' name for the status (`natsStatus_GetText`).
    public var status: String
    /// The library's last error text for this thread (`nats_GetLastError`), often more precise
    /// than the status; empty when it had none.
    public var detail: String
    /// The JetStream API error code (`jsErrCode`), 0 when the server gave none.
    public var jetStreamCode: Int

    public init(action: String, condition: Condition, status: String, detail: String = "", jetStreamCode: Int = 0) {
        self.action = action
        self.condition = condition
        self.status = status
        self.detail = detail
        self.jetStreamCode = jetStreamCode
    }

    /// The kinds of failure callers act on differently.
    public enum Condition: Sendable, Hashable {
        /// Nothing arrived in time (`NATS_TIMEOUT`); for a fetch, simply no messages.
        case timeout
        /// The stream, consumer or subject does not exist (`NATS_NOT_FOUND`, JetStream 10014/10059).
        case notFound
        /// The connection is down and the library is reconnecting, or no JetStream answered yet.
        case disconnected
        /// The connection is closed for good (reconnects exhausted or closed by msr).
        case closed
        /// No server could be reached at connect time.
        case noServer
        case other
    }

    /// True for outages that libnats' reconnect logic may end by itself.
    public var isTransient: Bool {
        condition == .timeout || condition == .disconnected
    }

    public var description: String {
        let text = detail.isEmpty ? status : detail
        let code = jetStreamCode != 0 ? " (JetStream error \(jetStreamCode))" : ""
        return "Cannot \(action): \(text)\(code)" + (text.hasSuffix(".") ? "" : ".")
    }
}

extension NatsError {
    /// The error for `status`, reading the thread's last error text right away, before another
    /// libnats call replaces it.
    init(action: String, status: natsStatus, jetStreamCode: jsErrCode) {
        var last = NATS_OK
        let text = NatsError.withoutSourceLocation(nats_GetLastError(&last).map { String(cString: $0) } ?? "")
        let code = Int(jetStreamCode.rawValue)
        self.init(action: action, condition: NatsError.condition(of: status, jetStreamCode: code),
                  status: natsStatus_GetText(status).map { String(cString: $0) } ?? "status \(status.rawValue)",
                  detail: last == status ? text : "", jetStreamCode: code)
    }

    /// libnats prefixes its error text with the C source location, `(conn.c:2088): `, which
    /// means nothing to a user.
    static func withoutSourceLocation(_ text: String) -> String {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return text }
        return String(text[text.index(after: close)...].drop { $0 == ":" || $0 == " " })
    }

    static func condition(of status: natsStatus, jetStreamCode code: Int) -> Condition {
        if code == 10014 || code == 10059 { return .notFound }
        switch status {
        case NATS_TIMEOUT: return .timeout
        case NATS_NOT_FOUND: return .notFound
        case NATS_CONNECTION_CLOSED: return .closed
        case NATS_NO_SERVER: return .noServer
        case NATS_CONNECTION_DISCONNECTED, NATS_NOT_YET_CONNECTED, NATS_IO_ERROR, NATS_NO_RESPONDERS,
             NATS_STALE_CONNECTION, NATS_MISSED_HEARTBEAT, NATS_DRAINING:
            return .disconnected
        default: return .other
        }
    }
}

/// Runs one libnats call that may fill in a JetStream error code, and turns a status other
/// than `NATS_OK` into a thrown `NatsError` — the one place C statuses become Swift errors.
@inline(__always)
func natsCall(_ action: @autoclosure () -> String,
              _ body: (UnsafeMutablePointer<jsErrCode>) -> natsStatus) throws(NatsError) {
    var code = jsErrCode(rawValue: 0)
    let status = body(&code)
    try natsCheck(action(), status: status, jetStreamCode: code)
}

/// Throws for a status a call inside a closure returned (Swift's `withCString` and friends
/// rethrow untyped errors, so such calls hand their status out instead of throwing).
@inline(__always)
func natsCheck(_ action: @autoclosure () -> String, status: natsStatus,
               jetStreamCode: jsErrCode = jsErrCode(rawValue: 0)) throws(NatsError) {
    guard status == NATS_OK else { throw NatsError(action: action(), status: status, jetStreamCode: jetStreamCode) }
}
