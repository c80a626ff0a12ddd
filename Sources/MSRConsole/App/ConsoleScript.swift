import Foundation
import MSREngine

/// A file of named commands, one per line, with waits: a prepared debrief walkthrough, or a
/// test driving the console headless.
///
/// ```
/// # lines starting with # are comments
/// speed 60
/// play
/// wait 2s          # or 500ms, 1.5s
/// key shift-right  # a key by its name in the key table
/// snapshot after two seconds
/// quit
/// ```
public struct ConsoleScript: Sendable {
    public enum Step: Sendable {
        case command(ConsoleCommand)
        case wait(Double)
        case key(String)
        case snapshot(String)
    }

    public var steps: [(line: Int, step: Step)]

    public init(parsing text: String) throws(CommandError) {
        steps = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            let word = t.prefix { !$0.isWhitespace }
            let rest = t.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            do {
                switch word {
                case "wait": steps.append((i + 1, .wait(try Self.duration(rest))))
                case "key": steps.append((i + 1, .key(rest)))
                case "snapshot": steps.append((i + 1, .snapshot(rest)))
                default: steps.append((i + 1, .command(try CommandParser.parse(t))))
                }
            } catch {
                throw CommandError("line \(i + 1): \(error.description)")
            }
        }
    }

    /// `500ms`, `2s`, `1.5s`, `2` (seconds).
    static func duration(_ text: String) throws(CommandError) -> Double {
        var t = text.lowercased()
        var scale = 1.0
        if t.hasSuffix("ms") { t.removeLast(2); scale = 0.001 } else if t.hasSuffix("s") { t.removeLast() }
        guard let v = Double(t), v >= 0, v < 86_400 else { throw CommandError("'\(text)' is not a duration; write 500ms or 2s.") }
        return v * scale
    }
}

/// Plays a script against a runner: commands as if typed, waits in real time while the
/// console keeps playing, snapshots of the screen handed to `output`.
public final class ScriptPlayer {
    let runner: ConsoleRunner
    let script: ConsoleScript
    let output: (String) -> Void

    public init(runner: ConsoleRunner, script: ConsoleScript, output: @escaping (String) -> Void) {
        self.runner = runner
        self.script = script
        self.output = output
    }

    /// The screen as text, one line per row, trailing spaces removed.
    public static func screenText(_ lines: [String]) -> String {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }.joined(separator: "\n")
    }

    public func play(screen: @escaping () -> [String]) {
        let app = runner.app
        for (_, step) in script.steps {
            if app.shouldQuit { return }
            switch step {
            case .command(let c): app.perform(c)
            case .key(let name):
                if let c = KeyBindings.command(for: name, in: app.showsHelp ? .help : .normal) { app.perform(c) }
            case .wait(let seconds):
                let end = Date().addingTimeInterval(seconds)
                while Date() < end && !app.shouldQuit {
                    app.tick()
                    runner.render()
                    Thread.sleep(forTimeInterval: min(app.options.tickInterval, max(0, end.timeIntervalSinceNow)))
                }
            case .snapshot(let label):
                settle()
                runner.render()
                output("--- snapshot\(label.isEmpty ? "" : " " + label) ---\n" + Self.screenText(screen()) + "\n")
            }
            settle()
            runner.render()
        }
    }

    /// Ticks until every pane shows the frame of its position (or two seconds pass). While a
    /// session plays its position moves on every tick, so then one tick is all it waits.
    private func settle() {
        let app = runner.app
        if app.sessions.values.contains(where: { $0.playhead.isPlaying }) {
            app.tick()
            return
        }
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            app.tick()
            let pending = app.panes.values.contains { pane in
                guard let plan = try? app.plan(for: pane) else { return false }
                return pane.frame?.seq != plan.seq && pane.feed.error == nil
            }
            if !pending { return }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
}
