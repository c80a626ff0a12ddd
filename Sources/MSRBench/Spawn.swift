import Foundation
import MSRStore

/// Runs a program with `posix_spawn` and waits for it with `wait4`, so the benchmark learns
/// its wall time and peak resident memory.
///
/// Not Foundation's `Process`: that one watches a socket the child inherits, and `pg_ctl start`
/// leaves a server running that inherits it too, so the wait would never end.
enum Spawn {
    struct Outcome {
        var status: Int32
        var seconds: Double
        /// Peak resident set size of the child, in bytes (`ru_maxrss`).
        var maxRSS: Int64
        var output: String
        var succeeded: Bool { status & 0x7F == 0 && (status >> 8) & 0xFF == 0 }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `path args`; stdin from `input` (default /dev/null), stdout to `stdout` (default:
    /// captured with stderr into the outcome's output).
    @discardableResult
    static func run(_ path: String, _ args: [String], environment: [String: String] = [:], input: String = "/dev/null",
                    stdout: String? = nil, check: Bool = true) throws -> Outcome {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("msr-bench-\(UUID().uuidString)").path
        defer { OwnFile.remove(capture) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? capture, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, capture + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { OwnFile.remove(capture + ".err") }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        let start = Clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        // The child's own peak (VmHWM), read while it runs: wait4's ru_maxrss also counts the
        // memory of this process that the child shared until its exec.
        var peak: Int64 = 0
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            peak = max(peak, highWaterMark(pid) ?? 0)
            usleep(20_000)
        }
        let seconds = Clock.now - start
        let text = ((try? String(contentsOfFile: capture, encoding: .utf8)) ?? "")
            + ((try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? "")
        let outcome = Outcome(status: status, seconds: seconds, maxRSS: peak > 0 ? peak : Int64(usage.ru_maxrss) * 1024, output: text)
        if check && !outcome.succeeded {
            throw Failure(description: "\(path) \(args.joined(separator: " ")) failed (status \(status)): \(text.suffix(2000))")
        }
        return outcome
    }

    /// VmHWM of a running process, in bytes.
    static func highWaterMark(_ pid: pid_t) -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = line.split(separator: " ").compactMap({ Int64($0) }).first else { return nil }
        return kib * 1024
    }
}

/// Monotonic seconds.
enum Clock {
    static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `body` and returns its result and how long it took, in seconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now
        let result = try body()
        return (result, now - start)
    }

}
