import Foundation

/// A real terminal for end-to-end tests: a detached tmux session running a shell, driven with
/// send-keys and read with capture-pane. The session is killed when the value goes.
public final class TmuxSession {
    public let name: String
    private let socket: String

    /// Starts `bash` (no rc files) in a `width`×`height` window with `environment` set.
    public init(width: Int = 160, height: Int = 48, environment: [String: String] = [:]) throws {
        name = "msr-test-\(UUID().uuidString.prefix(8))"
        // A server of its own: a session killed by the test before exits its server in the
        // background, and a new session sent to that server as it goes fails.
        socket = "msr-test-\(getpid())-\(name.suffix(8))"
        var env = ""
        for (k, v) in environment { env += "\(k)=\(v) " }
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                  "env \(env)TERM=xterm-256color PS1='$ ' bash --norc --noprofile"])
        try tmux(["set-option", "-t", name, "-g", "remain-on-exit", "on"])
        _ = waitForSettled { $0.contains("$") }
    }

    deinit { _ = try? tmux(["kill-server"]) }

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Runs tmux to completion. Not through Foundation's `Process`: the tmux server that
    /// `new-session` leaves running would inherit what `Process` watches and it would wait for ever.
    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        try ChildProcess.run("/usr/bin/tmux", ["-L", socket] + args)
    }

    /// Types a line and presses Enter.
    public func run(_ command: String) throws {
        try tmux(["send-keys", "-t", name, "-l", command])
        try tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Sends keys by tmux's names (`Space`, `Left`, `S-Right`, `C-c`, `q`, `Escape`).
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Sends text literally, character by character.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The screen as text, one line per row.
    public func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// Waits until the screen is settled and `condition` holds for it: the same capture twice
    /// in a row (0.1 s apart) after the condition first holds, so a screen that is still being
    /// drawn — a help overlay with its title but not yet its rows — is never taken for the
    /// finished one. Up to `timeout` seconds; returns the last screen seen either way.
    @discardableResult
    public func waitForSettled(timeout: Double = 20, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous: String?
        while true {
            let s = screen()
            let holds = condition(s)
            if holds && s == previous { return s }
            previous = holds ? s : nil
            if Date() >= deadline { return s }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// For a screen that never settles (a console playing): waits until `condition` holds
    /// for two captures in a row, 0.1 s apart, and returns the second, so what the caller
    /// reads was drawn well after the first sign of it. Up to `timeout` seconds.
    @discardableResult
    public func waitForHeld(timeout: Double = 20, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var held = false
        while true {
            let s = screen()
            let holds = condition(s)
            if holds && held { return s }
            held = holds
            if Date() >= deadline { return s }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
