@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Lines copied from the frame before look exactly like lines drawn afresh: after every step
/// of playing, stepping, scrolling, filtering and sorting, the screen equals the one drawn
/// with every pane's line cache emptied.
final class GridLineCacheTests: XCTestCase {
    /// The screen now, and the screen drawn again with nothing cached, cell for cell.
    private func assertSameAsDrawnAfresh(_ h: ConsoleHarness, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        h.runner.render()
        let cached = h.surface.buffer
        for pane in h.app.panes.values { pane.gridLines.clear() }
        h.runner.render()
        let fresh = h.surface.buffer
        XCTAssertEqual(cached.lines, fresh.lines, what, file: file, line: line)
        XCTAssertTrue(cached == fresh, "\(what): the styles differ", file: file, line: line)
    }

    func testPlayingAndSteppingDrawsWhatAFreshDrawWould() throws {
        let h = try ConsoleHarness(width: 120, height: 34)
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        for i in 0..<12 {
            h.elapse(0.25)
            assertSameAsDrawnAfresh(h, "playing, step \(i)")
        }
        h.press("space")
        for i in 0..<6 {
            h.press(i % 2 == 0 ? "left" : "right")
            h.settle()
            assertSameAsDrawnAfresh(h, "stepping, step \(i)")
        }
        // Fading highlights change a line's look without changing its row.
        for i in 0..<4 {
            h.elapse(0.5)
            assertSameAsDrawnAfresh(h, "fading, step \(i)")
        }
    }

    func testSelectionScrollFilterAndSortDrawWhatAFreshDrawWould() throws {
        let h = try ConsoleHarness(width: 120, height: 34)
        h.perform(.setSpeed(.rate(300)))
        h.press("space")
        h.elapse(1)
        h.press("space")
        h.settle()
        for key in ["down", "down", "down", "up", "tab", "down"] {
            h.press(key)
            assertSameAsDrawnAfresh(h, "after \(key)")
        }
        let pane = try XCTUnwrap(h.app.focusedPane)
        pane.setSpec(TableViewSpec(sortColumn: pane.table.columns.count - 1, descending: true))
        assertSameAsDrawnAfresh(h, "sorted, descending")
        h.press("space")
        h.elapse(0.5)
        assertSameAsDrawnAfresh(h, "playing sorted")
        pane.setSpec(TableViewSpec(descending: true))
        h.elapse(0.5)
        assertSameAsDrawnAfresh(h, "playing in descending key order")
    }
}
