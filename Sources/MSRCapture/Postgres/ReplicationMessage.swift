import MSRModel

/// A message the server sends inside the COPY BOTH stream of streaming replication.
public enum ReplicationMessage: Sendable, Equatable {
    /// 'w' XLogData: one pgoutput message. `start` is the WAL position of the change it
    /// carries (zero for messages that are not the last of their change, such as Relation);
    /// `walEnd` the server's WAL end when it sent it.
    case xLogData(start: LSN, walEnd: LSN, sendTime: Timestamp, payload: [UInt8])
    /// 'k' primary keepalive: the server's WAL end and clock; `replyRequested` asks for a
    /// standby status update at once, or the server may drop the connection.
    case keepalive(walEnd: LSN, sendTime: Timestamp, replyRequested: Bool)
    /// Anything else; skipped.
    case other(tag: Character)

    public static func parse(_ bytes: [UInt8]) throws(PgOutputError) -> ReplicationMessage {
        guard let first = bytes.first else { throw .malformed(message: "?", detail: "the message is empty") }
        let tag = Character(Unicode.Scalar(first))
        var r = ByteReader(bytes, from: 1, tag: tag)
        switch tag {
        case "w":
            let start = try r.lsn(), end = try r.lsn()
            let time = PostgresTime.timestamp(fromPostgres: try r.int64())
            return .xLogData(start: start, walEnd: end, sendTime: time, payload: Array(r.rest()))
        case "k":
            let end = try r.lsn()
            let time = PostgresTime.timestamp(fromPostgres: try r.int64())
            return .keepalive(walEnd: end, sendTime: time, replyRequested: try r.uint8() != 0)
        default:
            return .other(tag: tag)
        }
    }
}

/// 'r' standby status update: the positions the client has received (`write`), made durable
/// (`flush`) and applied. The server keeps WAL from the flush position on, and restarts the
/// stream there after a reconnect.
public struct StandbyStatusUpdate: Sendable, Equatable {
    public var write: LSN
    public var flush: LSN
    public var apply: LSN
    public var clientTime: Timestamp
    public var replyRequested: Bool = false

    public init(write: LSN, flush: LSN, apply: LSN, clientTime: Timestamp, replyRequested: Bool = false) {
        self.write = write
        self.flush = flush
        self.apply = apply
        self.clientTime = clientTime
        self.replyRequested = replyRequested
    }

    /// The 34 bytes sent with PQputCopyData.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "r")]
        out.reserveCapacity(34)
        for v in [write.value, flush.value, apply.value, UInt64(bitPattern: PostgresTime.postgresMicros(clientTime))] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
        }
        out.append(replyRequested ? 1 : 0)
        return out
    }
}
