/// A replication message that cannot be read: the stream is not what protocol version 1 of
/// pgoutput (inside the streaming replication protocol) says it should be.
public enum PgOutputError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The message ended before a field it must hold.
    case truncated(message: Character, needed: Int, offset: Int)
    /// A field holds a value the protocol does not allow.
    case malformed(message: Character, detail: String)

    public var description: String {
        switch self {
        case .truncated(let message, let needed, let offset):
            return "A '\(message)' replication message ends too early (\(needed) more bytes expected at byte \(offset))."
        case .malformed(let message, let detail):
            return "A '\(message)' replication message is malformed: \(detail)."
        }
    }
}
