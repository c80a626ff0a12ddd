@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Selecting rows, scrolling sideways with key columns pinned, and `f` following a row.
final class FollowTests: XCTestCase {
    func testSelectionIsShownOnTheFocusedPane() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("down", "down")
        let y = h.row(showing: "BLUE-CHARLIE")
        XCTAssertEqual(h.style(at: (5, y)), h.style(at: (5, y)).layered(over: h.theme[.selectedRow]))
        XCTAssertEqual(h.style(at: (5, y)).background, h.theme[.selectedRow].background)
        XCTAssertNotEqual(h.style(at: (5, y - 1)).background, h.theme[.selectedRow].background)
        XCTAssertTrue(h.lines[1].contains("row 3 of 8"), h.lines[1])
    }

    func testFollowKeepsTheRowSelectedAsTheOrderChanges() throws {
        let h = try ConsoleHarness(width: 140, height: 30)
        h.perform(.sort("-fuel"))
        h.perform(.goTo("+00:00:04"))
        // All fuel is 100, so descending by fuel then key: unit 1 is last.
        h.press("down", "down", "down", "down", "down", "down", "down")
        XCTAssertEqual(h.app.focusedPane?.selectedKey?.description, "1")
        h.press("f")
        XCTAssertTrue(h.bottomLine.contains("Following 1"), h.bottomLine)
        XCTAssertTrue(h.lines[1].contains("following 1"), h.lines[1])
        h.perform(.goTo("+00:05:00"))
        XCTAssertEqual(h.app.focusedPane?.selectedKey?.description, "1", "the selection moved with the row")
        XCTAssertNotEqual(h.app.focusedPane?.selectedRow, 7)
        let y = h.row(showing: "BLUE-ALPHA")
        XCTAssertEqual(h.style(at: (5, y)).background, h.theme[.selectedRow].background)
        h.press("F")
        XCTAssertFalse(h.lines[1].contains("following"), h.lines[1])
    }

    func testScrollingColumnsKeepsTheKeyPinned() throws {
        let h = try ConsoleHarness(width: 60, height: 20)
        h.press(">", ">")
        let header = h.lines[2]
        XCTAssertTrue(header.hasPrefix("┃id "), header)
        XCTAssertFalse(header.contains("callsign"), header)
        XCTAssertTrue(header.contains("status"), header)
        h.press(">", ">", ">", ">", ">", ">")
        XCTAssertTrue(h.lines[2].contains("fuel"), "never scrolled past the last column: \(h.lines[2])")
        h.press("<", "<", "<", "<", "<", "<", "<", "<")
        XCTAssertTrue(h.lines[2].contains("callsign"), h.lines[2])
    }

    func testPageDownClampsToTheLastRow() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("pagedown")
        XCTAssertTrue(h.lines[1].contains("row 8 of 8"), h.lines[1])
        h.press("pageup")
        XCTAssertTrue(h.lines[1].contains("row 1 of 8"), h.lines[1])
    }
}
