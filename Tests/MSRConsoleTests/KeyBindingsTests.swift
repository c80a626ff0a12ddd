@testable import MSRConsole
import XCTest

/// The key table: one command per key in each context, every command reachable and named.
final class KeyBindingsTests: XCTestCase {
    func testNoTwoCommandsShareAKeyInOneContext() {
        let conflicts = KeyBindings.conflicts
        XCTAssertTrue(conflicts.isEmpty, conflicts.map { "\($0.context.rawValue): \($0.key) → \($0.commands)" }.joined(separator: "; "))
    }

    func testTheIssuesKeysAreBound() {
        let expected: [(String, String)] = [
            ("space", "toggle-play"), ("[", "slower"), ("]", "faster"), ("r", "reverse"),
            ("left", "step-back"), ("right", "step-forward"), ("shift-right", "jump"), ("ctrl-left", "jump"),
            ("0", "jump-to"), ("9", "jump-to"), ("home", "home"), ("end", "end"), ("g", "prompt-go-to"),
            ("n", "next-change"), ("N", "previous-change"), ("m", "prompt-bookmark"), ("'", "next-bookmark"),
            ("\"", "previous-bookmark"), ("a", "loop-start"), ("b", "loop-end"), ("A", "loop-clear"),
            ("p", "prompt-breakpoint"), ("/", "prompt-filter"), ("s", "prompt-sort"), ("tab", "focus-next"),
            ("backtab", "focus-previous"), ("|", "split-vertical"), ("-", "split-horizontal"), ("x", "prompt-speed"),
            ("t", "prompt-table"), ("l", "prompt-link"), ("o", "prompt-open"), ("e", "prompt-export"),
            ("q", "quit"), ("?", "help"), ("L", "live"),
        ]
        for (key, name) in expected {
            XCTAssertEqual(KeyBindings.command(for: key, in: .normal)?.name.rawValue, name, key)
        }
        XCTAssertEqual(KeyBindings.command(for: "x", in: .afterX)?.name, .closePane)
    }

    func testEveryHelpLineComesFromTheTable() {
        let lines = HelpOverlay.lines().filter { !$0.heading }
        XCTAssertEqual(lines.count, KeyBindings.all.count + PromptEdit.allCases.count + HelpOverlay.namedOnly.count)
        XCTAssertFalse(HelpOverlay.namedOnly.isEmpty)
        XCTAssertTrue(HelpOverlay.namedOnly.allSatisfy { s in !KeyBindings.all.contains { $0.context == .normal && $0.command.name == s.name } })
    }

    func testCommandsParseByName() throws {
        XCTAssertEqual(try CommandParser.parse("speed 60"), .setSpeed(.rate(60)))
        XCTAssertEqual(try CommandParser.parse("jump -10"), .jump(-10))
        XCTAssertEqual(try CommandParser.parse("jump-to 50"), .jumpToFraction(0.5))
        XCTAssertEqual(try CommandParser.parse("go-to +01:00:00"), .goTo("+01:00:00"))
        XCTAssertEqual(try CommandParser.parse("filter status=moving side=BLUE"), .filter("status=moving side=BLUE"))
        XCTAssertEqual(try CommandParser.parse("split-vertical"), .splitVertical)
        XCTAssertEqual(try CommandParser.parse("  step-back "), .stepBack)
        XCTAssertThrowsError(try CommandParser.parse("fly away"))
        XCTAssertThrowsError(try CommandParser.parse("speed fast"))
    }

    func testScriptsParseWithLineNumbersInErrors() throws {
        let script = try ConsoleScript(parsing: "# walkthrough\nspeed 60\nplay\nwait 500ms\nkey shift-right\nsnapshot one\n\nquit\n")
        XCTAssertEqual(script.steps.count, 6)
        XCTAssertThrowsError(try ConsoleScript(parsing: "play\nwait forever\n")) { e in
            XCTAssertTrue("\(e)".hasPrefix("line 2:"), "\(e)")
        }
    }
}
