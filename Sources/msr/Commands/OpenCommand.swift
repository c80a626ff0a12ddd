import ArgumentParser
import Foundation
import MSRConsole
import MSREngine
import MSRStore
import MSRTerminal

/// `msr open`: the replay console.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a recording in the replay console.",
        discussion: """
            Scrub the timeline, play at 0.1x to 1000x, step event by event both ways, and watch \
            table grids change in several panes. Press ? in the console for every key. \
            With --script, runs a file of named commands (one per line, with waits) on screen, \
            or with --headless on an in-memory screen, printing each 'snapshot' and the final screen.
            """)

    @OptionGroup var rec: RecordingArgument
    @Option(help: "A theme name (default, dark, light, high-contrast, monochrome) or a theme file.") var theme: String?
    @Flag(name: .customLong("no-mouse"), help: "Do not take the mouse.") var noMouse = false
    @Option(name: .customLong("max-sessions"), help: "Replay sessions that may run at once (1 to 64).") var maxSessions: Int = 8
    @Option(help: "A file of named commands to run.") var script: String?
    @Flag(help: "Run the script on an in-memory screen and print it, without a terminal.") var headless = false
    @Option(help: "The headless screen's size, COLSxROWS (at most \(HeadlessSize.maxColumns)x\(HeadlessSize.maxRows)).")
    var size: String = "160x48"
    @Option(name: .customLong("export-dir"), help: "The directory exports (e) are written to when no path is given (default: the working directory).")
    var exportDir: String?
    @OptionGroup var zone: TimeZoneOption

    func validate() throws {
        if maxSessions < 1 || maxSessions > 64 { throw ValidationError("--max-sessions takes 1 to 64.") }
        if headless { _ = try HeadlessSize(parsing: size) }
        if headless && script == nil { throw ValidationError("--headless needs --script.") }
    }

    func run() throws {
        try reportingFailures {
            // Everything that can fail is checked before the screen is taken.
            let handle = try ConsoleLauncher.handle(for: rec.recording)
            let scriptText = try script.map { path -> ConsoleScript in
                try PathChecks.requireInput(path)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CLIError("Cannot read the script \(path).")
                }
                do { return try ConsoleScript(parsing: text) } catch let e as CommandError { throw CLIError("\(path): \(e.description)") }
            }
            let loaded = ConsoleLauncher.theme(theme)
            var options = ConsoleLauncher.options()
            options.maxSessions = maxSessions
            options.mouse = !noMouse
            options.timeZone = try zone.setting()
            if let dir = exportDir {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw CLIError("--export-dir \(dir) is not a directory; give one that exists.")
                }
                options.exportDirectory = dir
            }
            let app = try ConsoleApp(recording: handle, options: options)
            var warnings = [loaded.warning].compactMap { $0 }
            if (try? SQLiteRecordingStore(openingAt: rec.recording).initialSnapshotStatus()) == .incomplete {
                warnings.insert(ConsoleLauncher.incompleteSnapshot, at: 0)
            }
            if !warnings.isEmpty { app.warn(warnings.joined(separator: "; ")) }
            if headless {
                try runHeadless(app, loaded.theme, scriptText)
            } else {
                try ConsoleLauncher.runOnTerminal(app, theme: loaded.theme, mouse: !noMouse, script: scriptText)
            }
        }
    }

    private func runHeadless(_ app: ConsoleApp, _ theme: Theme, _ script: ConsoleScript?) throws {
        let screen = try HeadlessSize(parsing: size)
        let surface = InMemorySurface(width: screen.columns, height: screen.rows)
        let runner = ConsoleRunner(app: app, surface: surface, input: QueuedInput(), theme: theme)
        if let script {
            ScriptPlayer(runner: runner, script: script) { print($0, terminator: "") }.play { surface.lines }
        }
        runner.render()
        print("--- final screen ---\n" + ScriptPlayer.screenText(surface.lines))
        let times = runner.frameTimes.sorted()
        if !times.isEmpty {
            let p50 = times[times.count / 2] * 1000, p99 = times[min(times.count - 1, times.count * 99 / 100)] * 1000
            let dry = app.panes.values.reduce(0) { $0 + $1.feed.dryTicks }, served = app.panes.values.reduce(0) { $0 + $1.feed.servedTicks }
            let worst = times.suffix(3).reversed().map { String(format: "%.1f", $0 * 1000) }.joined(separator: ", ")
            print(String(format: "--- %d frames drawn: p50 %.2f ms, p99 %.2f ms (slowest %@ ms); frames not ready while playing: %d of %d ---",
                         times.count, p50, p99, worst, dry, served))
        }
    }
}

/// Opening recordings for the console, and running it on the real terminal.
enum ConsoleLauncher {
    /// What the console says on opening a recording whose capture snapshot was cut short.
    static let incompleteSnapshot = "initial snapshot incomplete: rows from before the capture began may be missing (run the capture again to take it again)"

    static func handle(for path: String) throws -> RecordingHandle {
        try PathChecks.requireRecordingPath(path)
        _ = try SQLiteRecordingStore(openingAt: path)
        return try RecordingHandle(
            path: path,
            openStore: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path) },
            openWritable: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path, writable: true) })
    }

    /// What every console starts with: opening another recording with `o` included.
    static func options() -> ConsoleOptions {
        var options = ConsoleOptions()
        options.openRecording = { path in try ConsoleLauncher.handle(for: path) }
        return options
    }

    /// The theme asked for (nil: the default); a problem with it is said, and the default used.
    static func theme(_ selection: String?) -> ThemeLoadResult {
        let loaded = ThemeLoader().load(selection)
        if let warning = loaded.warning { Terminal.standardError.write("msr: \(warning).\n") }
        return loaded
    }

    static func runOnTerminal(_ app: ConsoleApp, theme: Theme, mouse: Bool, script: ConsoleScript?) throws {
        var config = TerminalConfiguration()
        config.mouse = mouse
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(configuration: config)
        } catch {
            throw CLIError("\(error); run msr open in a terminal (or use --script with --headless).")
        }
        defer { terminal.restore() }
        let runner = ConsoleRunner(app: app, surface: terminal, input: terminal, theme: theme.adapted(to: terminal.colorSupport))
        if let script {
            ScriptPlayer(runner: runner, script: script) { _ in }.play { [] }
        }
        runner.run()
        if app.wasInterrupted {
            terminal.restore()
            // 128 + SIGINT, as a shell reports a program Ctrl-C ended.
            throw ExitCode(130)
        }
    }
}

/// The in-memory screen of `msr open --headless`: bounded, since every cell is held in memory
/// and drawn for each frame.
struct HeadlessSize {
    static let maxColumns = 1000
    static let maxRows = 500
    var columns: Int
    var rows: Int

    init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]), c > 0, r > 0 else {
            throw ValidationError("--size takes COLSxROWS, such as 160x48.")
        }
        guard c <= Self.maxColumns, r <= Self.maxRows else {
            throw ValidationError("--size takes at most \(Self.maxColumns)x\(Self.maxRows), not \(text).")
        }
        columns = c
        rows = r
    }
}
