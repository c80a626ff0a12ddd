import Foundation

/// A throwaway PostgreSQL server for tests: `initdb` in a temporary directory, `wal_level =
/// logical`, listening only on 127.0.0.1 at a free port (and on a socket inside the directory),
/// with password authentication over TCP. `stop()` (or deinit) stops it and removes the
/// directory.
///
/// PostgreSQL refuses to run as root, so when the tests run as root (as CI does) the server
/// commands run as the `postgres` system user, which owns the directory.
public final class PostgresServer: @unchecked Sendable {
    // @unchecked: `stopped` is only touched under `lock`; everything else is immutable.
    public let port: Int
    public let directory: URL
    public let user = "msr"
    public let password: String
    public let database = "postgres"
    public let binDirectory: String
    private let asPostgresUser: Bool
    private let lock = NSLock()
    private var stopped = false

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The Debian location of PostgreSQL 15's server programs, or `PG_BIN` when set.
    public static var defaultBinDirectory: String {
        ProcessInfo.processInfo.environment["PG_BIN"] ?? "/usr/lib/postgresql/15/bin"
    }

    /// Whether the server programs are installed (`make deps` installs them).
    public static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: defaultBinDirectory + "/initdb")
    }

    /// Creates and starts a server; `settings` are added to postgresql.conf.
    public init(password: String = "pw-" + UUID().uuidString.prefix(8).lowercased(), settings: [String: String] = [:]) throws {
        self.password = password
        binDirectory = Self.defaultBinDirectory
        asPostgresUser = getuid() == 0
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("msr-pg-\(UUID().uuidString.prefix(8))")
        port = try Self.freePort()
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("sock"), withIntermediateDirectories: true)
            let pwfile = directory.appendingPathComponent("pwfile")
            try Data((password + "\n").utf8).write(to: pwfile)
            if asPostgresUser { try Self.shell(["chown", "-R", "postgres:postgres", directory.path]) }
            try server("initdb", ["-D", data, "-U", user, "--pwfile=" + pwfile.path, "--auth-local=trust",
                                  "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"])
            var conf = [
                "listen_addresses": "'127.0.0.1'", "port": "\(port)",
                "unix_socket_directories": "'\(directory.appendingPathComponent("sock").path)'",
                "wal_level": "logical", "max_replication_slots": "10", "max_wal_senders": "10",
                "fsync": "off", "full_page_writes": "off", "shared_buffers": "32MB", "max_connections": "40",
                "timezone": "'UTC'", "log_min_messages": "warning",
            ]
            conf.merge(settings) { _, new in new }
            let lines = conf.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/postgresql.conf"))
            handle.seekToEndOfFile()
            handle.write(Data(("\n" + lines + "\n").utf8))
            try handle.close()
            try server("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "30", "start"])
        } catch {
            remove()
            throw error
        }
    }

    deinit { stop() }

    var data: String { directory.appendingPathComponent("data").path }
    var log: String { directory.appendingPathComponent("server.log").path }

    /// `postgresql://msr:PASSWORD@127.0.0.1:PORT/postgres`.
    public var uri: String { "postgresql://\(user):\(password)@127.0.0.1:\(port)/\(database)" }

    /// The same in keyword form.
    public var keywordDSN: String { "host=127.0.0.1 port=\(port) user=\(user) password=\(password) dbname=\(database)" }

    /// Restarts the server (`pg_ctl restart -m fast`): clients are disconnected.
    public func restart() throws {
        try server("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "30", "-m", "fast", "restart"])
    }

    /// Stops the server at once and removes its directory; safe to call twice.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        _ = try? server("pg_ctl", ["-D", data, "-w", "-t", "30", "-m", "immediate", "stop"])
        remove()
    }

    private func remove() { try? FileManager.default.removeItem(at: directory) }

    /// The server log, for failure messages.
    public var serverLog: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// Runs a client program (`psql`, `pgbench`) against this server, with the password in
    /// the environment; returns its output, throwing when it fails.
    @discardableResult
    public func client(_ program: String, _ args: [String], input: String? = nil) throws -> String {
        let env = ["PGPASSWORD": password, "PGHOST": "127.0.0.1", "PGPORT": "\(port)", "PGUSER": user, "PGDATABASE": database]
        return try Self.run(binDirectory + "/" + program, args, environment: env, input: input)
    }

    /// Starts a client program without waiting (pgbench under load); output goes to `output`.
    public func startClient(_ program: String, _ args: [String], output: URL) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binDirectory + "/" + program)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env.merge(["PGPASSWORD": password, "PGHOST": "127.0.0.1", "PGPORT": "\(port)", "PGUSER": user, "PGDATABASE": database]) { _, n in n }
        p.environment = env
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        return p
    }

    /// Runs a server program (initdb, pg_ctl), as the postgres user when we are root.
    ///
    /// Spawned directly, not with Foundation's `Process`: that one learns of a child's exit
    /// from a socket the child inherits, and the server pg_ctl leaves running would inherit it
    /// too, so the wait would never end.
    @discardableResult
    private func server(_ program: String, _ args: [String]) throws -> String {
        let path = binDirectory + "/" + program
        if asPostgresUser { return try ChildProcess.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + args) }
        return try ChildProcess.run(path, args)
    }

    private static func shell(_ args: [String]) throws {
        try ChildProcess.run("/usr/bin/env", args)
    }

    @discardableResult
    static func run(_ path: String, _ args: [String], environment: [String: String] = [:], input: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, n in n }
        p.environment = env
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("msr-pgrun-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        p.standardOutput = handle
        p.standardError = handle
        let stdin = Pipe()
        p.standardInput = stdin
        try p.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        p.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(path) \(args.joined(separator: " ")) failed (\(p.terminationStatus)): \(text)")
        }
        return text
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa -> Int32 in
                guard bind(fd, sa, length) == 0 else { return -1 }
                return getsockname(fd, sa, &length)
            }
        }
        guard bound == 0 else { throw Failure(description: "cannot bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
