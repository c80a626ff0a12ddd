@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Stepping one event either way: the position and the grid change, the changed cells are
/// highlighted (inserted rows, updated cells, deleted rows shown briefly), and the marks fade
/// after the highlight duration.
final class StepTests: XCTestCase {
    /// At +00:00:30 (event 28); event 29 updates unit 7 (status and fuel; its speed stays
    /// 0.0), event 30 inserts alert 1.
    private func harnessAt30s() throws -> ConsoleHarness {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:00:30"))
        XCTAssertEqual(h.shownEvent, 28)
        return h
    }

    func testStepForwardHighlightsTheUpdatedCellsOnly() throws {
        let h = try harnessAt30s()
        h.press("right")
        XCTAssertEqual(h.shownEvent, 29)
        let y = h.row(showing: "BLUE-GOLF")
        XCTAssertTrue(h.lines[y].contains("holding"), h.lines[y])
        XCTAssertTrue(h.lines[y].contains("97"), h.lines[y])
        h.assertScreen("step-forward-updated")
        let status = try XCTUnwrap(h.locate("holding", row: y))
        let fuel = try XCTUnwrap(h.locate("97", row: y))
        let speed = try XCTUnwrap(h.locate("0.0", row: y))
        let updated = h.style(at: status)
        XCTAssertEqual(updated.background, h.theme[.updated].background)
        XCTAssertTrue(updated.attributes.contains(.bold), "a fresh change is bold")
        XCTAssertEqual(h.style(at: fuel).background, h.theme[.updated].background)
        XCTAssertNotEqual(h.style(at: speed).background, h.theme[.updated].background, "the speed did not change")
        // Fading: dimmer after a third of the duration, gone after it.
        h.elapse(0.6)
        XCTAssertEqual(h.style(at: status).background, h.theme[.updated].background)
        XCTAssertFalse(h.style(at: status).attributes.contains(.bold))
        h.elapse(1.0)
        XCTAssertNotEqual(h.style(at: status).background, h.theme[.updated].background, "the mark fades")
    }

    func testStepForwardHighlightsTheInsertedRowAndStepBackShowsItGoing() throws {
        let h = try harnessAt30s()
        h.press("right", "right")
        XCTAssertEqual(h.shownEvent, 30)
        let alert = try XCTUnwrap(h.locate("contact 1"))
        XCTAssertEqual(h.style(at: alert).background, h.theme[.inserted].background)
        XCTAssertEqual(h.style(at: (alert.x - 6, alert.y)).background, h.theme[.inserted].background, "the whole row")
        h.press("left")
        XCTAssertEqual(h.shownEvent, 29)
        // The alert went: it is shown a moment longer, as deleted.
        let ghost = try XCTUnwrap(h.locate("contact 1"), h.text)
        XCTAssertEqual(h.style(at: ghost).background, h.theme[.deleted].background)
        XCTAssertTrue(h.text.contains("ops.alerts · 0 rows"), h.text)
        h.assertScreen("step-back-deleted-ghost")
        h.elapse(1.6)
        XCTAssertNil(h.locate("contact 1"), "the ghost goes after the highlight duration")
        XCTAssertTrue(h.text.contains("no rows at this time"), h.text)
    }

    func testSteppingBackAndForthHighlightsOnlyWhatChangedBetweenTheTwoFrames() throws {
        let h = try harnessAt30s()
        h.press("right", "right", "left")
        // From 30 back to 29 only the alert changed; unit 7 changed between 28 and 29, not now.
        let y = h.row(showing: "BLUE-GOLF")
        let status = try XCTUnwrap(h.locate("holding", row: y))
        h.elapse(1.6)
        h.press("left", "right")
        XCTAssertEqual(h.shownEvent, 29)
        XCTAssertEqual(h.style(at: status).background, h.theme[.updated].background, "29 again: unit 7 changed")
        h.elapse(1.6)
        h.press("right", "left")
        XCTAssertNotEqual(h.style(at: status).background, h.theme[.updated].background,
                          "30 then back to 29: unit 7 did not change between them")
    }

    func testStepsStopAtBothEnds() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("home")
        XCTAssertEqual(h.shownEvent, 0)
        XCTAssertTrue(h.text.contains("before the first event") || h.header.contains("-"), h.header)
        h.press("left")
        XCTAssertEqual(h.shownEvent, 0)
        XCTAssertTrue(h.bottomLine.contains("At the start."), h.bottomLine)
        h.press("end")
        XCTAssertEqual(h.shownEvent, 259)
        h.press("right")
        XCTAssertEqual(h.shownEvent, 259)
        XCTAssertTrue(h.bottomLine.contains("At the last event."), h.bottomLine)
    }

    func testStepPausesPlayback() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.setSpeed(.rate(10)))
        h.press("space")
        h.elapse(0.5)
        h.press("right")
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
    }
}
