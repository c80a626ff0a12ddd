import Foundation

/// What went wrong talking to PostgreSQL, in one sentence a user can act on.
///
/// Server and libpq messages are kept (with any password masked) because they usually say
/// exactly what to fix: a wrong password, a missing table, `wal_level` not `logical`.
public enum PostgresError: Error, Sendable, CustomStringConvertible {
    /// The connection could not be opened; `target` names the server without the password.
    case connectionFailed(target: String, message: String)
    /// A statement failed on the server; `sqlState` is its five-character error code.
    case queryFailed(message: String, sqlState: String?)
    /// The connection broke, or the server closed it (a restart, a terminated backend).
    case connectionLost(message: String)
    /// The server answered something this client did not expect.
    case unexpectedResponse(detail: String)

    public var description: String {
        switch self {
        case .connectionFailed(let target, let message):
            return "Cannot connect to PostgreSQL at \(target): \(Self.sentence(message))"
        case .queryFailed(let message, _):
            return "PostgreSQL refused a statement: \(Self.sentence(message))"
        case .connectionLost(let message):
            return "The connection to PostgreSQL was lost: \(Self.sentence(message))"
        case .unexpectedResponse(let detail):
            return "PostgreSQL answered unexpectedly: \(Self.sentence(detail))"
        }
    }

    /// The SQLSTATE of a failed statement, when the server gave one.
    public var sqlState: String? {
        if case .queryFailed(_, let state) = self { return state }
        return nil
    }

    /// Whether reconnecting may help: the connection broke, or the server is starting up or
    /// shutting down (SQLSTATE class 57P, 08).
    public var isTransient: Bool {
        switch self {
        case .connectionLost, .connectionFailed: return true
        case .queryFailed(_, let state):
            guard let state else { return false }
            return state.hasPrefix("08") || state.hasPrefix("57P")
        case .unexpectedResponse: return false
        }
    }

    /// libpq messages span lines ("FATAL:  …\nDETAIL: …"); one line, ending with a full stop.
    static func sentence(_ message: String) -> String {
        let parts = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var text = parts.joined(separator: "; ")
        if text.isEmpty { text = "no reason given" }
        if !(text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!")) { text += "." }
        return text
    }
}
