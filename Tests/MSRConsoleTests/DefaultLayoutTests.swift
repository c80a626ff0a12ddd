@testable import MSRConsole
import MSRTerminal
import XCTest

/// Opening a recording: the busiest tables in four panes, the first focused.
final class DefaultLayoutTests: XCTestCase {
    func testOpeningShowsTheBusiestTablesInFourPanes() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        XCTAssertEqual(h.app.layout?.paneIDs.count, 4)
        let tables = h.app.layout?.paneIDs.compactMap { h.app.panes[$0]?.table.name.name }
        XCTAssertEqual(tables, ["units", "orders", "alerts", "tracks"], "busiest first; notes only ever gets inserts")
        h.assertScreen("default-layout")
    }

    func testTheFocusedPaneHasTheHeavyBorder() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let units = try XCTUnwrap(h.locate("ops.units"))
        let orders = try XCTUnwrap(h.locate("ops.orders"))
        XCTAssertEqual(h.surface.cell(at: 0, units.y)?.text, "┏")
        XCTAssertEqual(h.surface.cell(at: orders.x - 3, orders.y)?.text, "┌")
        XCTAssertEqual(h.style(at: (0, units.y)), h.theme[.paneBorderFocused])
        XCTAssertEqual(h.style(at: (orders.x - 3, orders.y)), h.theme[.paneBorder])
        XCTAssertNotEqual(h.theme[.paneBorderFocused], h.theme[.paneBorder])
    }
}
