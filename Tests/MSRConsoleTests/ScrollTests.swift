@testable import MSRConsole
import MSRTerminal
import XCTest

/// A table longer than its pane: the window follows the selection and a thumb on the
/// right border shows where it is.
final class ScrollTests: XCTestCase {
    func testTheWindowFollowsTheSelectionAndTheThumbShowsWhere() throws {
        let h = try ConsoleHarness(width: 60, height: 14)
        // 14 rows: the units pane of the 2×2 layout is too small, so it is shown alone,
        // with 7 rows of its 8 in view and a thumb of 6.
        XCTAssertTrue(h.lines[1].contains("pane 1/4"), h.lines[1])
        let border = 59
        XCTAssertEqual(h.surface.cell(at: border, 3)?.text, "▐")
        XCTAssertNotEqual(h.surface.cell(at: border, 9)?.text, "▐")
        h.press("pagedown")
        XCTAssertTrue(h.text.contains("RED-HOTEL"), h.text)
        XCTAssertFalse(h.text.contains("BLUE-ALPHA"), h.text)
        XCTAssertEqual(h.surface.cell(at: border, 9)?.text, "▐")
        XCTAssertNotEqual(h.surface.cell(at: border, 3)?.text, "▐")
        h.assertScreen("scrolled-to-the-end")
    }

    func testTabShowsTheNextPaneOnASmallScreen() throws {
        let h = try ConsoleHarness(width: 60, height: 14)
        h.press("tab")
        XCTAssertTrue(h.lines[1].contains("ops.orders · pane 2/4"), h.lines[1])
        XCTAssertFalse(h.text.contains("ops.units"), h.text)
    }
}
