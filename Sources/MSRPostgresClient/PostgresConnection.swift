import CLibpq
import Foundation

/// One libpq connection (`PGconn`), used by one thread at a time.
///
/// Statements return their rows as text (`PostgresResult`); a replication connection
/// (`replication=database`) also runs the COPY BOTH stream (`PostgresConnection+Copy.swift`).
/// Every message that leaves this type has the connection string's password masked.
public final class PostgresConnection {
    /// A normal session, or a walsender session that accepts replication commands.
    public enum Mode: Sendable {
        case normal
        case replication
    }

    let conn: OpaquePointer
    let connectionString: ConnectionString
    /// Where the connection goes, for messages: `host:port (database d, user u)`.
    public let target: String
    public let mode: Mode

    /// Opens a connection (`PQconnectdbParams`), waiting for it to be ready.
    ///
    /// The DSN is expanded by libpq (`expand_dbname`); settings placed before it are defaults the
    /// DSN may override (timeouts, keepalives), those after it are forced (`replication`).
    public init(_ connectionString: ConnectionString, mode: Mode = .normal) throws(PostgresError) {
        self.connectionString = connectionString
        self.mode = mode
        var pairs: [(String, String)] = [
            ("connect_timeout", "10"), ("keepalives_idle", "10"), ("keepalives_interval", "5"),
            ("keepalives_count", "3"), ("dbname", connectionString.conninfo),
            ("fallback_application_name", "msr"),
        ]
        if mode == .replication { pairs.append(("replication", "database")) }
        let made = CStringArray(pairs.map(\.0)).withPointers { keys in
            CStringArray(pairs.map(\.1)).withPointers { values in PQconnectdbParams(keys, values, 1) }
        }
        guard let made else {
            throw .connectionFailed(target: connectionString.redacted, message: "libpq could not allocate a connection")
        }
        conn = made
        target = Self.describeTarget(made)
        if PQstatus(made) != CONNECTION_OK {
            // Every property is set, so deinit runs and closes the failed connection.
            let message = connectionString.scrub(Self.text(PQerrorMessage(made)))
            throw .connectionFailed(target: target, message: message)
        }
    }

    deinit { PQfinish(conn) }

    /// Whether the connection is still usable as far as libpq knows.
    public var isOK: Bool { PQstatus(conn) == CONNECTION_OK }

    /// The server's version as a number (150004 for 15.4).
    public var serverVersion: Int { Int(PQserverVersion(conn)) }

    /// Runs one or more statements with the simple query protocol (`PQexec`); the result is the
    /// last statement's. Replication commands go through here too.
    @discardableResult
    public func execute(_ sql: String) throws(PostgresError) -> PostgresResult {
        try consume(PQexec(conn, sql))
    }

    /// Runs one statement with `$1`, `$2`, … bound to `parameters` (`PQexecParams`), so values
    /// never need quoting. Not available on a replication connection.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?]) throws(PostgresError) -> PostgresResult {
        let result = CStringArray(parameters, terminated: false).withPointers { values in
            PQexecParams(conn, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try consume(result)
    }

    /// `name` as a quoted SQL identifier (`PQescapeIdentifier`).
    public func quoteIdentifier(_ name: String) throws(PostgresError) -> String {
        try escaped(name) { PQescapeIdentifier(conn, $0, $1) }
    }

    /// `text` as a quoted SQL string literal (`PQescapeLiteral`).
    public func quoteLiteral(_ text: String) throws(PostgresError) -> String {
        try escaped(text) { PQescapeLiteral(conn, $0, $1) }
    }

    private func escaped(_ text: String, _ escape: (UnsafePointer<CChar>, Int) -> UnsafeMutablePointer<CChar>?) throws(PostgresError) -> String {
        let utf8 = Array(text.utf8CString)
        let out = utf8.withUnsafeBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
            guard let base = buffer.baseAddress else { return nil }
            return escape(base, buffer.count - 1)
        }
        guard let out else { throw .unexpectedResponse(detail: "libpq could not quote a name or value (\(lastError))") }
        defer { PQfreemem(out) }
        return String(cString: out)
    }

    /// The connection's latest libpq error message, password masked.
    var lastError: String { connectionString.scrub(Self.text(PQerrorMessage(conn))) }

    /// Turns a `PGresult` into rows or a thrown error, and frees it.
    func consume(_ result: OpaquePointer?) throws(PostgresError) -> PostgresResult {
        guard let result else { throw .connectionLost(message: lastError) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_BOTH {
            return PostgresResult(result)
        }
        let message = connectionString.scrub(Self.text(PQresultErrorMessage(result)))
        if PQstatus(conn) != CONNECTION_OK { throw .connectionLost(message: message) }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        throw .queryFailed(message: message, sqlState: state)
    }

    static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func describeTarget(_ conn: OpaquePointer) -> String {
        let host = text(PQhost(conn)), port = text(PQport(conn))
        let db = text(PQdb(conn)), user = text(PQuser(conn))
        var place = host.hasPrefix("/") ? "socket \(host)" : host
        if !port.isEmpty { place += ":" + port }
        return "\(place) (database \(db), user \(user))"
    }
}
