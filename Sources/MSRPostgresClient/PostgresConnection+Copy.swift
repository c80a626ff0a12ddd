import CLibpq
import Foundation

/// The COPY BOTH stream of a replication connection (`START_REPLICATION`): reading the
/// server's messages without blocking, sending replies, and waiting on the socket.
extension PostgresConnection {
    /// What one attempt to read a message of the stream gave.
    public enum CopyRead: Sendable {
        /// One CopyData message.
        case data([UInt8])
        /// Nothing complete yet: wait for the socket, then try again.
        case wouldBlock
        /// The server ended the stream (it is shutting down, or the slot was dropped).
        case finished
    }

    /// Runs a command that answers with CopyBothResponse (`START_REPLICATION`), then puts the
    /// connection in non-blocking mode so replies can never stall the reading loop.
    public func startCopyBoth(_ command: String) throws(PostgresError) {
        guard let result = PQexec(conn, command) else { throw .connectionLost(message: lastError) }
        if PQresultStatus(result) != PGRES_COPY_BOTH {
            _ = try consume(result)
            throw .unexpectedResponse(detail: "the server did not start streaming")
        }
        PQclear(result)
        if PQsetnonblocking(conn, 1) != 0 { throw .connectionLost(message: lastError) }
    }

    /// Reads input that has arrived on the socket (`PQconsumeInput`).
    public func consumeInput() throws(PostgresError) {
        if PQconsumeInput(conn) == 0 { throw .connectionLost(message: lastError) }
    }

    /// The next complete CopyData message, if one has arrived (`PQgetCopyData`, async).
    public func readCopyData() throws(PostgresError) -> CopyRead {
        var buffer: UnsafeMutablePointer<CChar>?
        let n = PQgetCopyData(conn, &buffer, 1)
        if n > 0, let buffer {
            defer { PQfreemem(buffer) }
            return .data(Array(UnsafeRawBufferPointer(start: buffer, count: Int(n))))
        }
        if n == 0 { return .wouldBlock }
        if n == -1 {
            // The stream is over; the final result says why (an error when the server stops).
            while let result = PQgetResult(conn) {
                let status = PQresultStatus(result)
                if status == PGRES_FATAL_ERROR {
                    let message = connectionString.scrub(Self.text(PQresultErrorMessage(result)))
                    PQclear(result)
                    throw .connectionLost(message: message)
                }
                PQclear(result)
            }
            return .finished
        }
        throw .connectionLost(message: lastError)
    }

    /// Queues one CopyData message (`PQputCopyData`) and pushes it out (`PQflush`), waiting at
    /// most `timeout` seconds for the socket to take it.
    public func sendCopyData(_ bytes: [UInt8], timeout: Double = 10) throws(PostgresError) {
        let queued = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
        }
        if queued != 1 { throw .connectionLost(message: lastError) }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let pending = PQflush(conn)
            if pending == 0 { return }
            if pending < 0 { throw .connectionLost(message: lastError) }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { throw .connectionLost(message: "the server stopped reading from the connection") }
            _ = try waitForSocket(readable: false, timeout: left)
        }
    }

    /// Waits until the socket has input (or can take output), at most `timeout` seconds
    /// (`PQsocket` + `poll`); true when it is ready.
    public func waitForSocket(readable: Bool = true, timeout: Double) throws(PostgresError) -> Bool {
        let fd = PQsocket(conn)
        if fd < 0 { throw .connectionLost(message: "the connection has no socket") }
        var entry = pollfd(fd: fd, events: Int16(readable ? POLLIN : POLLOUT), revents: 0)
        let milliseconds = Int32(max(0, min(timeout, 3600)) * 1000)
        let n = poll(&entry, 1, milliseconds)
        if n < 0 {
            if errno == EINTR { return false }
            throw .connectionLost(message: String(cString: strerror(errno)))
        }
        return n > 0
    }
}
