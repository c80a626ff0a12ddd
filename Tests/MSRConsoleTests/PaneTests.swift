@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Splitting, closing (`x x`), focusing (Tab, shift-Tab, a click), resizing panes and
/// choosing a pane's table (`t`).
final class PaneTests: XCTestCase {
    func testSplitSideBySideAndOneAboveTheOther() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.closePane)
        h.perform(.closePane)
        h.perform(.closePane)
        XCTAssertEqual(h.app.layout, .pane(4))
        h.press("|")
        XCTAssertEqual(h.app.layout?.paneIDs.count, 2)
        XCTAssertTrue(h.bottomLine.contains("New pane on tracks"), h.bottomLine)
        XCTAssertEqual(h.app.focusedPaneID, 5, "the new pane takes the focus")
        h.press("-")
        XCTAssertEqual(h.app.layout?.paneIDs, [4, 5, 6])
        h.assertScreen("split-vertical-then-horizontal")
    }

    func testCloseWithXXFocusesTheNeighbour() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("tab")
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "orders")
        h.press("x")
        XCTAssertTrue(h.bottomLine.contains("speed"), "x opens the speed prompt: \(h.bottomLine)")
        h.press("x")
        XCTAssertNil(h.app.prompt)
        XCTAssertEqual(h.app.layout?.paneIDs, [1, 3, 4])
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "units", "the pane that took its place")
        XCTAssertFalse(h.text.contains("ops.orders"), h.text)
        // The last pane stays.
        h.perform(.closePane)
        h.perform(.closePane)
        h.perform(.closePane)
        XCTAssertEqual(h.app.layout?.paneIDs.count, 1)
        XCTAssertTrue(h.bottomLine.contains("The last pane stays"), h.bottomLine)
    }

    func testClosingTheLowerLeftPaneFocusesTheLowerRight() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("tab", "tab")
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "alerts")
        h.perform(.closePane)
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "tracks")
        h.assertScreen("closed-lower-left")
    }

    func testTabAndShiftTabCycleTheFocus() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        var order: [String] = []
        for _ in 0..<4 {
            h.press("tab")
            order.append(h.app.focusedPane?.table.name.name ?? "?")
        }
        XCTAssertEqual(order, ["orders", "alerts", "tracks", "units"])
        h.press("backtab")
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "tracks")
        let tracks = try XCTUnwrap(h.locate("ops.tracks"))
        XCTAssertEqual(h.style(at: (tracks.x - 3, tracks.y)), h.theme[.paneBorderFocused])
        XCTAssertEqual(h.style(at: tracks).foreground, h.theme[.paneTitleFocused].foreground)
        let units = try XCTUnwrap(h.locate("ops.units"))
        XCTAssertEqual(h.style(at: (0, units.y)), h.theme[.paneBorder])
    }

    func testClickFocusesAPane() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.runner.handle(.mouse(MouseEvent(.press(.left), x: 70, y: 20)))
        h.settle()
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "tracks")
    }

    func testGrowAndShrink() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let before = h.app.layout?.rects(in: ScreenView.areas(for: h.surface.size).panes)[1]?.width ?? 0
        h.press("}")
        let after = h.app.layout?.rects(in: ScreenView.areas(for: h.surface.size).panes)[1]?.width ?? 0
        XCTAssertEqual(after, before + 5)
        h.press("{", "{")
        XCTAssertEqual(h.app.layout?.rects(in: ScreenView.areas(for: h.surface.size).panes)[1]?.width, before - 5)
    }

    func testChooseTheTable() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("t")
        XCTAssertTrue(h.bottomLine.contains("table"), h.bottomLine)
        h.type("notes")
        h.press("enter")
        XCTAssertEqual(h.app.focusedPane?.table.name.qualified, "ops.notes")
        XCTAssertTrue(h.lines[1].contains("ops.notes"), h.lines[1])
        h.press("t")
        h.type("nosuch")
        h.press("enter")
        XCTAssertEqual(h.app.focusedPane?.table.name.qualified, "ops.notes")
        XCTAssertEqual(h.surface.style(at: 1, 29).foreground, h.theme[.error].foreground, h.bottomLine)
    }
}
