@testable import MSRConsole
import MSRTerminal
import XCTest

/// `:` opens a command line: Tab completes every command's name, then its argument as the
/// command's spec says; Enter runs what was typed.
final class CommandLineTests: XCTestCase {
    func testTabCompletesCommandNames() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press(":")
        XCTAssertEqual(h.app.prompt?.kind, .command)
        h.type("split-v")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "split-vertical")
        h.press("ctrl-u")
        h.type("step")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "step-", "what the two names share")
        XCTAssertEqual(h.app.prompt?.completions, ["step-back", "step-forward"])
        XCTAssertTrue(h.bottomLine.contains("step-back · step-forward"), h.bottomLine)
        assertSnapshot([h.bottomLine], named: "command-line-completion")
        h.press("ctrl-u")
        h.type("zz")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "zz", "no name begins so")
        XCTAssertEqual(h.app.prompt?.completions, [])
        h.press("ctrl-u")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.completions.count, CommandName.allCases.count, "every named command is offered")
        h.press("esc")
    }

    func testTabCompletesArgumentsAfterTheName() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press(":")
        h.type("table no")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "table notes")
        h.press("ctrl-u")
        h.type("sort -f")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "sort -fuel", "the sign stays")
        h.press("ctrl-u")
        h.type("filter side=RED st")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "filter side=RED status")
        h.press("ctrl-u")
        h.type("export nd")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "export ndjson")
        h.press("ctrl-u")
        h.type("jump 1")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "jump 1", "a number is not completed")
        h.press("esc")
    }

    func testEnterRunsTheCommandAndAMistakeSaysWhy() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press(":")
        h.type("jump-to 50")
        h.press("enter")
        XCTAssertNil(h.app.prompt)
        XCTAssertTrue(h.header.contains("+00:05:00.000"), h.header)
        h.press(":")
        h.type("fly away")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("There is no command 'fly'"), h.bottomLine)
        h.press(":")
        h.type("pause now")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("'pause' takes no argument"), h.bottomLine)
    }

    func testPromptsBuildTheirCommandsLikeTheCommandLine() throws {
        let h = try ConsoleHarness(width: 120, height: 30)
        h.press("p")
        h.type("side=RED")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("Breakpoint: pause when a row of units matching 'side=RED' changes."), h.bottomLine)
        XCTAssertNotNil(h.app.focusedSession?.breakpoint)
        h.press("p", "enter")
        XCTAssertTrue(h.bottomLine.contains("Breakpoint cleared"), h.bottomLine)
        XCTAssertNil(h.app.focusedSession?.breakpoint, "an empty breakpoint prompt clears it, as `breakpoint` alone does")
        h.press("g", "enter")
        XCTAssertEqual(h.shownEvent, 11, "an empty go-to prompt does nothing")
    }
}
