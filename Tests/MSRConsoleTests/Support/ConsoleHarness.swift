import Foundation
@testable import MSRConsole
import MSREngine
import MSRModel
import MSRStore
import MSRTerminal
import MSRTestSupport
import XCTest

/// The console on an in-memory screen over the exercise recording, with wall time moved by
/// hand (a `ManualClock`): keys go through the runner as if typed, and every step waits until
/// the panes show their frames, so each screen is the same on every run.
final class ConsoleHarness {
    let directory: TemporaryDirectory
    let path: String
    let clock = ManualClock(1000)
    let app: ConsoleApp
    let surface: InMemorySurface
    let runner: ConsoleRunner
    let theme: Theme
    /// Seconds of wall time per tick while playing: the runner's frame interval.
    var tick: Double { app.options.tickInterval }

    /// The default theme as `msr open` loads it, without any themes directory.
    static let defaultTheme = ThemeLoader(environment: [:], executablePath: nil).load(nil).theme

    /// Opens the recording in `directory` (writing the exercise there first when it has none).
    init(width: Int = 100, height: Int = 30, theme: Theme = ConsoleHarness.defaultTheme,
         directory: TemporaryDirectory = TemporaryDirectory("msr-console"), options: ConsoleOptions = ConsoleOptions(),
         write: (String) throws -> Void = { try ExerciseFixture.write(to: $0) }) throws {
        self.directory = directory
        path = directory.path("exercise.msr")
        if !FileManager.default.fileExists(atPath: path) { try write(path) }
        var options = options
        let dir = directory
        options.openRecording = { name in try ConsoleHarness.handle(dir.path(name)) }
        app = try ConsoleApp(recording: try Self.handle(path), clock: clock, options: options)
        surface = InMemorySurface(width: width, height: height)
        self.theme = theme
        runner = ConsoleRunner(app: app, surface: surface, input: QueuedInput(), theme: theme)
        settle()
    }

    static func handle(_ path: String) throws -> RecordingHandle {
        try RecordingHandle(
            path: path,
            openStore: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path) },
            openWritable: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path, writable: true) })
    }

    // MARK: Driving

    /// Presses keys by their key-table names (`space`, `shift-right`, `x`, `enter`).
    func press(_ names: String..., file: StaticString = #filePath, line: UInt = #line) {
        for name in names {
            guard let press = KeyName.press(named: name) else {
                XCTFail("no key named \(name)", file: file, line: line)
                continue
            }
            runner.handle(.key(press))
            settle(file: file, line: line)
        }
    }

    /// Types text character by character (into a prompt, say).
    func type(_ text: String) {
        for c in text { runner.handle(.key(KeyPress(.character(c)))) }
        settle()
    }

    func perform(_ command: ConsoleCommand) {
        app.perform(command)
        settle()
    }

    /// Lets `seconds` of wall time pass, a frame interval at a time, as the render loop does.
    func elapse(_ seconds: Double) {
        var left = seconds
        while left > 1e-9 {
            let dt = min(tick, left)
            clock.advance(by: dt)
            left -= dt
            settle()
        }
    }

    /// Ticks until the panes show their frames and the feeds are idle, then draws.
    func settle(file: StaticString = #filePath, line: UInt = #line) {
        if !app.settle(timeout: 10) { XCTFail("the panes did not settle", file: file, line: line) }
        runner.render()
    }

    /// Shows the screen on a surface of another size, as after the terminal was resized.
    func resize(width: Int, height: Int) {
        surface.resize(to: Size(width: width, height: height))
        runner.handle(.resize(surface.size))
        runner.render()
    }

    // MARK: Reading the screen

    var lines: [String] { surface.trimmedLines }
    var text: String { lines.joined(separator: "\n") }
    var header: String { lines[0] }
    var bottomLine: String { lines[lines.count - 1] }

    /// The playhead's event position as the header shows it (`event 12/259`).
    var shownEvent: Int? {
        guard let r = header.range(of: #"event +\d+/"#, options: .regularExpression) else { return nil }
        return Int(header[r].dropFirst(6).dropLast().trimmingCharacters(in: .whitespaces))
    }

    /// The first place `needle` is shown, scanning rows top to bottom (`row` only, when
    /// given); columns are screen columns, so wide characters count twice.
    func locate(_ needle: String, row: Int? = nil, after minX: Int = 0) -> (x: Int, y: Int)? {
        let wanted = Array(needle)
        let rows = row.map { [$0] } ?? Array(0..<surface.size.height)
        for y in rows {
            var starts: [(x: Int, c: Character)] = []
            for x in 0..<surface.size.width {
                guard let cell = surface.cell(at: x, y), !cell.isContinuation, !cell.text.isEmpty else { continue }
                starts.append((x, Character(cell.text)))
            }
            guard starts.count >= wanted.count else { continue }
            for i in 0...(starts.count - wanted.count) where starts[i].x >= minX {
                if (0..<wanted.count).allSatisfy({ starts[i + $0].c == wanted[$0] }) { return (starts[i].x, y) }
            }
        }
        return nil
    }

    func style(at point: (x: Int, y: Int)) -> Style { surface.style(at: point.x, point.y) }

    /// The first screen row showing `text`; fails the test when none does.
    func row(showing text: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        guard let p = locate(text) else {
            XCTFail("'\(text)' is not on the screen:\n\(self.text)", file: file, line: line)
            return 0
        }
        return p.y
    }
}
