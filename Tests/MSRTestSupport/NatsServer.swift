import Foundation

/// A nats-server with JetStream for one test: a free loopback port, its store in a temporary
/// directory, started and waited for (a client connect that reads the server's INFO line),
/// stopped — and the directory removed — by `shutdown()` (call it from a teardown block, so it
/// runs when a test fails too) or on release.
public final class NatsServer {
    public let port: Int
    public let directory = TemporaryDirectory("msr-nats")
    private var process: Process?

    public var url: String { "nats://127.0.0.1:\(port)" }
    /// The server's log, for a failing test's message.
    public var log: String { (try? String(contentsOfFile: directory.path("server.log"), encoding: .utf8)) ?? "" }

    /// Starts a server on a free port; throws when nats-server is missing or does not come up.
    public init() throws {
        port = try FreePort.find()
        try start()
    }

    deinit { stop() }

    /// Starts (or restarts) the server on the same port and store, and waits until it accepts
    /// clients; JetStream is ready by then, since the server enables it before listening.
    public func start(timeout: TimeInterval = 10) throws {
        guard process == nil else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try Self.executable())
        p.arguments = ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", directory.path("store"),
                       "-l", directory.path("server.log"), "-n", "msr-test-\(port)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard p.isRunning else {
                process = nil
                throw NatsServerError("nats-server exited at start (status \(p.terminationStatus)): \(log.suffix(600))")
            }
            if FreePort.greets(port: port, with: "INFO ") { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw NatsServerError("nats-server did not accept clients on port \(port) within \(Int(timeout)) s: \(log.suffix(600))")
    }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within five seconds.
    public func stop() {
        guard let p = process else { return }
        process = nil
        guard p.isRunning else { return }
        kill(p.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
    }

    /// Stops the server for good and removes its directory now, rather than when the value is
    /// released (XCTest keeps test cases, and what their teardown blocks hold, until the end of
    /// the run).
    public func shutdown() {
        stop()
        try? FileManager.default.removeItem(at: directory.url)
    }

    /// nats-server from `NATS_SERVER`, Debian's /usr/sbin, or PATH.
    static func executable() throws -> String {
        var candidates = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"]
        if let env = ProcessInfo.processInfo.environment["NATS_SERVER"] { candidates.insert(env, at: 0) }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(dir)/nats-server")
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw NatsServerError("nats-server is not installed; run `make deps` (Debian package nats-server).")
        }
        return found
    }
}

public struct NatsServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
