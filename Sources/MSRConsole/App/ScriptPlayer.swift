import Foundation
import MSREngine
import MSRTerminal

/// Plays a script against a runner: commands as if typed, waits while the console keeps
/// playing, snapshots of the screen handed to `output`.
public final class ScriptPlayer {
    let runner: ConsoleRunner
    let script: ConsoleScript
    let output: (String) -> Void
    /// Lets `seconds` of wall time pass during a `wait`. Real time by default; tests driving a
    /// `ManualClock` advance it instead, so a wait of 2 s plays exactly 2 s.
    public var pass: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }

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
            case .command(let c):
                app.perform(c)
                // A script's next step sees the export done, so its output is the same each run.
                if case .export = c { app.finishExport() }
            case .key(let name):
                if let press = KeyName.press(named: name) { runner.handle(.key(press)) }
            case .wait(let seconds):
                let end = app.clock.now + seconds
                while app.clock.now < end && !app.shouldQuit {
                    pass(min(app.options.tickInterval, max(0, end - app.clock.now)))
                    app.tick()
                    if app.isSteppedByHand { app.settle() }
                    runner.render()
                }
            case .snapshot(let label):
                app.settle()
                runner.render()
                output("--- snapshot\(label.isEmpty ? "" : " " + label) ---\n" + Self.screenText(screen()) + "\n")
            }
            app.settle()
            runner.render()
        }
    }
}
