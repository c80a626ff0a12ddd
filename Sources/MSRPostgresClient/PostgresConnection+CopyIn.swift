import CLibpq

/// `COPY … FROM STDIN` on a normal (blocking) connection: bulk loading, as `psql \copy` does.
extension PostgresConnection {
    /// Runs a `COPY … FROM STDIN` command and sends it the chunks `produce` yields, in order,
    /// until it returns nil (`PQputCopyData`, `PQputCopyEnd`); returns the command tag.
    @discardableResult
    public func copyIn(_ command: String, produce: () -> [UInt8]?) throws(PostgresError) -> String {
        guard let start = PQexec(conn, command) else { throw .connectionLost(message: lastError) }
        if PQresultStatus(start) != PGRES_COPY_IN {
            _ = try consume(start)
            throw .unexpectedResponse(detail: "the server did not start COPY FROM STDIN")
        }
        PQclear(start)
        while let chunk = produce() {
            let sent = chunk.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
            }
            if sent != 1 { throw .connectionLost(message: lastError) }
        }
        if PQputCopyEnd(conn, nil) != 1 { throw .connectionLost(message: lastError) }
        var tag = ""
        while let result = PQgetResult(conn) {
            tag = try consume(result).commandTag
        }
        return tag
    }
}
