@testable import MSRConsole
import MSRTerminal
import XCTest

/// The bottom-line prompt edits like a shell line: cursor keys, Home/End, Backspace and
/// Delete where the cursor is, Ctrl-U and Ctrl-W, and Up for what was entered before.
final class PromptEditingTests: XCTestCase {
    func testCursorMovesAndEditsInPlace() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("g")
        h.type("+00:0100")
        h.press("left", "left")
        h.type(":")
        XCTAssertEqual(h.app.prompt?.text, "+00:01:00")
        h.press("home", "delete")
        XCTAssertEqual(h.app.prompt?.text, "00:01:00")
        h.type("+")
        h.press("end", "backspace")
        XCTAssertEqual(h.app.prompt?.text, "+00:01:0")
        h.type("5")
        h.assertScreen("prompt-editing")
        let cursor = try XCTUnwrap(h.locate("+00:01:05", row: 29))
        XCTAssertTrue(h.style(at: (cursor.x + 9, 29)).attributes.contains(.reverse), "the cursor after the text")
        h.press("enter")
        XCTAssertTrue(h.header.contains("+00:01:05.000"), h.header)
    }

    func testCtrlUAndCtrlWClear() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("/")
        h.type("side=RED status=moving")
        h.press("ctrl-w")
        XCTAssertEqual(h.app.prompt?.text, "side=RED ")
        h.press("ctrl-u")
        XCTAssertEqual(h.app.prompt?.text, "")
        h.press("esc")
    }

    func testUpRecallsEarlierEntriesOfTheSamePrompt() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("g")
        h.type("+00:02:00")
        h.press("enter", "g")
        h.type("+00:03:00")
        h.press("enter", "g", "up")
        XCTAssertEqual(h.app.prompt?.text, "+00:03:00")
        h.press("up")
        XCTAssertEqual(h.app.prompt?.text, "+00:02:00")
        h.press("down")
        XCTAssertEqual(h.app.prompt?.text, "+00:03:00")
        h.press("down")
        XCTAssertEqual(h.app.prompt?.text, "")
        h.press("esc", "/", "up")
        XCTAssertEqual(h.app.prompt?.text, "", "each prompt keeps its own history")
    }

    func testLongTextScrollsWithTheCursor() throws {
        let h = try ConsoleHarness(width: 50, height: 14)
        h.press("/")
        h.type(String(repeating: "abcdefghij", count: 6))
        XCTAssertTrue(h.bottomLine.contains("abcdefghij"), h.bottomLine)
        XCTAssertEqual(DisplayWidth.of(h.surface.lines[13]), 50)
        h.press("home")
        XCTAssertTrue(h.bottomLine.contains("abcdefghij"), h.bottomLine)
    }

    func testTabCompletesTableAndColumnNames() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("t")
        h.type("no")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "notes")
        h.press("ctrl-u")
        h.type("ops.a")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "ops.alerts")
        h.press("esc", "s")
        h.type("-f")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "-fuel", "the sign stays")
        h.press("esc", "/")
        h.type("side=RED s")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "side=RED s", "side and status: nothing shared beyond s")
        XCTAssertEqual(h.app.prompt?.completions, ["side", "status", "speed"], "in the table's order")
        XCTAssertTrue(h.bottomLine.contains("side · status · speed"), h.bottomLine)
        h.type("t")
        XCTAssertEqual(h.app.prompt?.completions, [], "typing clears the list")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "side=RED status")
        h.type("=moving")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "side=RED status=moving", "values are not completed")
    }
}
