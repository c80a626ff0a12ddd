import Foundation
import MSRPostgresClient

/// The benchmark's own PostgreSQL 15 server: `initdb` in a temporary directory, listening on
/// 127.0.0.1 at a free port, stopped and removed when the run ends. As root, the server
/// programs run as the `postgres` user (PostgreSQL refuses to run as root).
final class BenchPostgres {
    let port: Int
    let directory: String
    let bin: String
    let user = "msr"
    private let asPostgres = getuid() == 0
    private var running = false

    static var binDirectory: String { ProcessInfo.processInfo.environment["PG_BIN"] ?? "/usr/lib/postgresql/15/bin" }
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binDirectory + "/initdb") }

    init() throws {
        bin = Self.binDirectory
        directory = NSTemporaryDirectory() + "msr-bench-pg-\(UUID().uuidString.prefix(8))"
        port = try freePort()
        try FileManager.default.createDirectory(atPath: directory + "/sock", withIntermediateDirectories: true)
        if asPostgres { try Spawn.run("/usr/bin/env", ["chown", "-R", "postgres:postgres", directory]) }
        try server("initdb", ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        // A benchmark server, tuned the way someone serving these queries would: enough shared
        // buffers for the data, no durability cost on load.
        let conf = """

            listen_addresses = '127.0.0.1'
            port = \(port)
            unix_socket_directories = '\(directory)/sock'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            shared_buffers = 512MB
            work_mem = 64MB
            maintenance_work_mem = 256MB
            max_parallel_workers_per_gather = 2
            timezone = 'UTC'
            log_min_messages = warning

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/postgresql.conf"))
        handle.seekToEndOfFile()
        handle.write(Data(conf.utf8))
        try handle.close()
        try server("pg_ctl", ["-D", data, "-l", directory + "/server.log", "-w", "-t", "60", "start"])
        running = true
    }

    deinit { stop() }

    var data: String { directory + "/data" }
    var dsn: String { "host=127.0.0.1 port=\(port) user=\(user) dbname=postgres" }

    func connect() throws -> PostgresConnection { try PostgresConnection(ConnectionString(dsn)) }

    /// The server's version string.
    func version() -> String {
        (try? connect().execute("SHOW server_version").rows.first?.first ?? nil) ?? "?"
    }

    /// Runs `psql` with `args` against this server.
    @discardableResult
    func psql(_ args: [String], input: String = "/dev/null") throws -> Spawn.Outcome {
        try Spawn.run(bin + "/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", "postgres"] + args,
                      input: input)
    }

    func stop() {
        guard running else { return }
        running = false
        _ = try? server("pg_ctl", ["-D", data, "-w", "-t", "60", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func server(_ program: String, _ args: [String]) throws {
        let path = bin + "/" + program
        if asPostgres {
            try Spawn.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + args)
        } else {
            try Spawn.run(path, args)
        }
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel's pick for port 0).
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Spawn.Failure(description: "no socket for a free port") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw Spawn.Failure(description: "cannot bind a loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
