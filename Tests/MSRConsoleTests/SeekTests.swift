@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Moving the playhead: the `g` prompt (typed as keys), digits to tenths of the span, Home
/// and End, jumps of seconds, next and previous change of the focused table.
final class SeekTests: XCTestCase {
    func testGoToPromptTakesTypedTimes() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("g")
        XCTAssertTrue(h.bottomLine.hasPrefix(" go to"), h.bottomLine)
        h.type("+00:01:00")
        XCTAssertTrue(h.bottomLine.contains("+00:01:00"), h.bottomLine)
        h.assertScreen("go-to-prompt")
        h.press("enter")
        XCTAssertEqual(h.shownEvent, 39)
        XCTAssertTrue(h.header.contains("2026-03-14T08:01:00Z"), h.header)
        h.press("g")
        h.type("2026-03-14T08:05:00Z")
        h.press("enter")
        XCTAssertTrue(h.header.contains("+00:05:00.000"), h.header)
        h.press("g")
        h.type("+90")
        h.press("enter")
        XCTAssertTrue(h.header.contains("+00:01:30.000"), "bare seconds from the start: \(h.header)")
        h.press("g")
        h.type("yesterday")
        h.press("enter")
        XCTAssertTrue(h.header.contains("+00:01:30.000"), "a bad time does not move: \(h.header)")
        XCTAssertFalse(h.bottomLine.isEmpty)
        XCTAssertEqual(h.surface.style(at: 1, 29).foreground, h.theme[.error].foreground, h.bottomLine)
    }

    func testEscapeCancelsThePrompt() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("g")
        h.type("+00:05:00")
        h.press("esc")
        XCTAssertNil(h.app.prompt)
        XCTAssertEqual(h.shownEvent, 11)
    }

    func testDigitsJumpToTenthsOfTheSpan() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        for d in 0...9 {
            h.press(String(d))
            XCTAssertTrue(h.header.contains(String(format: "+00:%02d:00.000", d)), "\(d): \(h.header)")
        }
        h.press("home")
        XCTAssertEqual(h.shownEvent, 0)
        h.press("end")
        XCTAssertEqual(h.shownEvent, 259)
        XCTAssertTrue(h.header.contains("+00:10:00.000"), h.header)
    }

    func testJumpsBySeconds() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("shift-right")
        XCTAssertTrue(h.header.contains("+00:00:01.000"), h.header)
        h.press("ctrl-right")
        XCTAssertTrue(h.header.contains("+00:00:11.000"), h.header)
        h.press("ctrl-shift-right")
        XCTAssertTrue(h.header.contains("+00:01:11.000"), h.header)
        h.press("alt-left")
        XCTAssertTrue(h.header.contains("+00:00:11.000"), h.header)
        h.press("ctrl-left", "shift-left")
        XCTAssertTrue(h.header.contains("+00:00:00.000"), h.header)
    }

    func testNextAndPreviousChangeOfTheFocusedTable() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("tab")                  // orders
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "orders")
        h.press("n")
        XCTAssertEqual(h.shownEvent, 23, "the first order")
        h.press("n")
        XCTAssertEqual(h.shownEvent, 27)
        h.press("n")
        XCTAssertEqual(h.shownEvent, 28)
        h.press("N")
        XCTAssertEqual(h.shownEvent, 27, "back to just after the previous change")
        h.press("N", "N")
        XCTAssertEqual(h.shownEvent, 22, "just before the first order")
        h.press("N")
        XCTAssertTrue(h.bottomLine.contains("No earlier change in ops.orders."), h.bottomLine)
    }
}
