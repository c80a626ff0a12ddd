@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// The mouse: a click or a drag on the timeline seeks, the wheel moves the selection, a click
/// focuses a pane; `M` turns it off.
final class MouseTests: XCTestCase {
    private func click(_ h: ConsoleHarness, _ action: MouseAction, x: Int, y: Int) {
        h.runner.handle(.mouse(MouseEvent(action, x: x, y: y)))
        h.settle()
    }

    func testClickAndDragOnTheTimelineSeek() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        // The strip runs from column 1 to 98, 97 steps of 6.2 s: column 50 is 49 steps in.
        click(h, .press(.left), x: 50, y: 27)
        XCTAssertTrue(h.header.contains("+00:05:03.092"), h.header)
        click(h, .drag(.left), x: 60, y: 28)
        XCTAssertTrue(h.header.contains("+00:06:04.948"), "dragging on seeks: \(h.header)")
        click(h, .drag(.left), x: 70, y: 10)
        XCTAssertTrue(h.header.contains("+00:07:06.804"), "a drag that began on the timeline goes on seeking: \(h.header)")
        click(h, .release(.left), x: 70, y: 10)
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "units", "the release does not focus a pane")
        // A seek by the mouse is a seek: nothing lights up.
        XCTAssertTrue(h.app.panes.values.allSatisfy { $0.highlights.marks.isEmpty })
    }

    func testAClickOnABookmarkGoesToIt() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:05:00"))
        h.perform(.bookmark("contact"))
        h.perform(.home)
        click(h, .press(.left), x: 50, y: 27)
        XCTAssertTrue(h.header.contains("+00:05:00.000"), h.header)
    }

    func testWheelMovesTheSelectionAndMouseCanBeTurnedOff() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        click(h, .scrollDown, x: 10, y: 5)
        XCTAssertTrue(h.lines[1].contains("row 4 of 8"), h.lines[1])
        h.press("M")
        XCTAssertTrue(h.bottomLine.contains("Mouse off."), h.bottomLine)
        click(h, .press(.left), x: 50, y: 27)
        XCTAssertTrue(h.header.contains("+00:00:00.000"), h.header)
        click(h, .press(.left), x: 70, y: 20)
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "units")
    }
}
