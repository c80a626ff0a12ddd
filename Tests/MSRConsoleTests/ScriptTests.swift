@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Scripts: named commands, waits, keys and snapshots, played against the console as a
/// debrief walkthrough or a headless check.
final class ScriptTests: XCTestCase {
    func testAScriptPlaysCommandsWaitsKeysAndSnapshots() throws {
        let h = try ConsoleHarness(width: 80, height: 20)
        let script = try ConsoleScript(parsing: """
            # a short walkthrough
            go-to +00:01:00
            speed 30
            play
            wait 1s          # thirty seconds of the exercise
            pause
            snapshot after 30 s
            key tab
            key n            # next change of orders
            filter status=issued
            snapshot orders issued
            """)
        var out = ""
        let player = ScriptPlayer(runner: h.runner, script: script) { out += $0 }
        player.pass = { h.clock.advance(by: $0) }
        player.play { h.surface.lines }
        XCTAssertTrue(out.contains("--- snapshot after 30 s ---"), out)
        XCTAssertTrue(out.contains("+00:01:30.000"), out)
        XCTAssertTrue(out.contains("--- snapshot orders issued ---"), out)
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "orders")
        XCTAssertEqual(h.app.focusedPane?.spec.filter?.description, "status=issued")
        assertSnapshot(out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), named: "script-output")
    }

    func testKeysInScriptsGoThroughPrompts() throws {
        let h = try ConsoleHarness(width: 80, height: 20)
        let script = try ConsoleScript(parsing: "key g\nkey +\nkey 9\nkey 0\nkey enter\n")
        ScriptPlayer(runner: h.runner, script: script) { _ in }.play { h.surface.lines }
        XCTAssertTrue(h.header.contains("+00:01:30.000"), h.header)
    }

    func testQuitEndsTheScript() throws {
        let h = try ConsoleHarness(width: 80, height: 20)
        let script = try ConsoleScript(parsing: "quit\nstep-forward\n")
        ScriptPlayer(runner: h.runner, script: script) { _ in }.play { h.surface.lines }
        XCTAssertTrue(h.app.shouldQuit)
        XCTAssertEqual(h.app.focusedSession?.playhead.seq, 11)
    }

    func testMistakesAreReportedWithTheirLine() {
        XCTAssertThrowsError(try ConsoleScript(parsing: "play\nkey shift-sideways\n")) { e in
            XCTAssertTrue("\(e)".hasPrefix("line 2: there is no key 'shift-sideways'"), "\(e)")
        }
        XCTAssertThrowsError(try ConsoleScript(parsing: "fly\n")) { e in
            XCTAssertTrue("\(e)".hasPrefix("line 1: There is no command 'fly'"), "\(e)")
        }
    }
}
