import Foundation

/// Runs a program to completion with `posix_spawn` and `waitpid`, output captured in a file.
///
/// For programs that leave daemons behind (`pg_ctl start`): Foundation's `Process` would wait
/// for the daemon too, since it inherits the socket `Process` watches for the child's exit.
public enum ChildProcess {
    @discardableResult
    public static func run(_ path: String, _ args: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("msr-spawn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw PostgresServer.Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        // Exited normally with status 0: WIFEXITED and WEXITSTATUS, which Swift cannot import.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw PostgresServer.Failure(description: "\(path) \(args.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }
}
