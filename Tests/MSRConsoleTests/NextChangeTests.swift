@testable import MSRConsole
import MSREngine
import MSRModel
import MSRTerminal
import XCTest

/// n and N go to the changes the pane shows (its filter holds), select the changed row and
/// scroll to it; the selected row still shows what changed in it.
final class NextChangeTests: XCTestCase {
    func testNextChangeSkipsRowsTheFilterHides() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.filter("side=RED"))
        // Unit 1 (BLUE) changes at +5 s, unit 2 (RED) at +10 s.
        h.press("n")
        XCTAssertTrue(h.header.contains("+00:00:10.000"), h.header)
        h.press("n")
        XCTAssertTrue(h.header.contains("+00:00:20.000"), "unit 4 next, not unit 3: \(h.header)")
        h.press("N")
        XCTAssertTrue(h.header.contains("+00:00:15.000"), "just before unit 4's change: \(h.header)")
        h.perform(.filter("callsign=nobody"))
        h.press("n")
        XCTAssertTrue(h.bottomLine.contains("No later change matching the filter in ops.units"), h.bottomLine)
    }

    func testNextChangeSelectsAndShowsTheChangedRow() throws {
        let h = try ConsoleHarness(width: 100, height: 14)
        h.perform(.goTo("+00:00:35"))
        let pane = try XCTUnwrap(h.app.focusedPane)
        XCTAssertLessThan(pane.visibleHeight, 8, "the pane shows only some units")
        XCTAssertFalse(h.text.contains("RED-HOTEL"), h.text)
        // Unit 8 changes at +40 s.
        h.press("n")
        XCTAssertTrue(h.header.contains("+00:00:40.000"), h.header)
        XCTAssertEqual(pane.selectedRow, 7)
        XCTAssertTrue(h.text.contains("RED-HOTEL"), "scrolled to the changed row:\n\(h.text)")
        XCTAssertTrue(h.lines[1].contains("row 8 of 8"), h.lines[1])
        // Back before unit 8's change, the same row stays selected.
        h.press("N")
        XCTAssertTrue(h.header.contains("+00:00:35.000"), h.header)
        XCTAssertEqual(pane.selectedRow, 7)
    }

    func testTheSelectedRowShowsItsChangedCells() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:00:30"))
        h.perform(.scrollDown(6))       // unit 7, which event 29 updates
        h.press("right")
        let y = h.row(showing: "BLUE-GOLF")
        let status = try XCTUnwrap(h.locate("holding", row: y))
        let callsign = try XCTUnwrap(h.locate("BLUE-GOLF", row: y))
        XCTAssertEqual(h.style(at: callsign).background, h.theme[.selectedRow].background, "the row is selected")
        XCTAssertEqual(h.style(at: status).background, h.theme[.updated].background, "its changed cell still shows")
        // An inserted row keeps its colour when selected.
        h.press("tab", "tab")           // alerts
        h.press("right")                // event 30 inserts alert 1
        let alert = try XCTUnwrap(h.locate("contact 1"))
        XCTAssertEqual(h.style(at: alert).background, h.theme[.inserted].background)
        XCTAssertTrue(h.style(at: alert).attributes.contains(.underline), "and is underlined as selected")
    }
}
