@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// `l` links a pane to the shared clock or unlinks it into a session of its own: two
/// sessions are independent (one plays, the other stays); an offset aligns two moments.
final class LinkTests: XCTestCase {
    func testUnlinkedPaneIsAnIndependentSession() throws {
        let h = try ConsoleHarness(width: 120, height: 30)
        h.press("l", "enter")
        XCTAssertTrue(h.bottomLine.contains("Unlinked"), h.bottomLine)
        XCTAssertEqual(h.app.focusedPane?.sessionID, 1)
        XCTAssertTrue(h.lines[1].contains("ops.units · row 1 of 8 · S1"), h.lines[1])
        XCTAssertTrue(h.header.contains("2/8 sessions"), h.header)
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        h.elapse(1)
        XCTAssertTrue(h.header.contains("▶ playing"), h.header)
        XCTAssertEqual(h.shownEvent, 39)
        // The linked panes stayed where they were.
        h.press("tab")
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "orders")
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
        XCTAssertEqual(h.shownEvent, 11)
        XCTAssertTrue(h.text.contains("ops.orders · 0 rows · linked"), h.text)
        h.assertScreen("unlinked-session-plays-alone")
        // The unlinked one keeps playing while another is focused.
        h.elapse(1)
        XCTAssertEqual(h.app.sessions[1]?.playhead.isPlaying, true)
        XCTAssertEqual(h.app.sessions[0]?.playhead.seq, 11)
    }

    func testLinkAgainRejoinsTheSharedClockAndFreesTheSession() throws {
        let h = try ConsoleHarness(width: 120, height: 30)
        h.press("l", "enter")
        h.perform(.goTo("+00:03:00"))
        h.press("l", "enter")
        XCTAssertTrue(h.bottomLine.contains("Linked to the shared clock."), h.bottomLine)
        XCTAssertNil(h.app.sessions[1])
        XCTAssertTrue(h.header.contains("1/8 sessions"), h.header)
        XCTAssertTrue(h.header.contains("+00:00:00.000"), "back on the shared clock: \(h.header)")
    }

    func testLinkWithAnOffset() throws {
        let h = try ConsoleHarness(width: 120, height: 30)
        h.press("tab", "l")
        h.type("+00:01:00")
        h.press("enter")
        XCTAssertTrue(h.lines[1].contains("linked +00:01:00.000"), h.lines[1])
        XCTAssertTrue(h.text.contains("ORDER 4"), "orders a minute ahead of the shared clock:\n\(h.text)")
        XCTAssertFalse(h.text.contains("ORDER 5"), h.text)
    }

    func testTheSessionLimitIsKept() throws {
        var options = ConsoleOptions()
        options.maxSessions = 2
        let h = try ConsoleHarness(width: 120, height: 30, options: options)
        h.press("l", "enter", "tab", "l", "enter")
        XCTAssertTrue(h.bottomLine.contains("2 replay sessions are running, the limit"), h.bottomLine)
        XCTAssertEqual(h.app.focusedPane?.isLinked, true)
    }
}
