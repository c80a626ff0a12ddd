@testable import MSRConsole
import MSREngine
import MSRModel
import MSRTerminal
import XCTest

/// The A–B loop (set, shown on the timeline, playback wraps, cleared) and the event
/// breakpoint (playback pauses on the first matching change).
final class LoopAndBreakpointTests: XCTestCase {
    func testLoopWrapsPlaybackAndIsShownOnTheTimeline() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:01:00"))
        h.press("a")
        XCTAssertTrue(h.bottomLine.contains("Loop from +00:01:00"), h.bottomLine)
        h.perform(.goTo("+00:02:00"))
        h.press("b")
        XCTAssertTrue(h.bottomLine.contains("Loop to +00:02:00"), h.bottomLine)
        XCTAssertTrue(h.header.contains("⟲ +00:01:00–+00:02:00"), h.header)
        // The loop range on the timeline: columns 1 + 98 × 0.1 … 1 + 98 × 0.2.
        let strip = 27
        XCTAssertEqual(h.surface.style(at: 12, strip).background, h.theme[.loopRange].background)
        XCTAssertEqual(h.surface.style(at: 19, strip).background, h.theme[.loopRange].background)
        XCTAssertNotEqual(h.surface.style(at: 40, strip).background, h.theme[.loopRange].background)
        h.perform(.goTo("+00:01:30"))
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        h.elapse(0.6)   // 36 s: past the end, so back to the start and on
        XCTAssertTrue(h.header.contains("▶ playing"), h.header)
        let s = try XCTUnwrap(h.app.focusedSession)
        let offset = (s.playhead.time - s.timeline.start) / 1_000_000
        XCTAssertTrue((60...120).contains(offset), "wrapped inside the loop: \(offset) s")
        XCTAssertLessThan(offset, 90)
        h.press("A")
        XCTAssertFalse(h.header.contains("⟲"), h.header)
        XCTAssertTrue(h.bottomLine.contains("Loop cleared"), h.bottomLine)
    }

    func testBreakpointPausesOnTheFirstMatchingChange() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("tab", "tab")           // alerts
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "alerts")
        h.press("p")
        h.type("severity=high")
        h.press("enter")
        XCTAssertTrue(h.header.contains("breakpoint"), h.header)
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        h.elapse(3)
        // Alert 2 (high) is inserted at +00:01:10, event 43.
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
        XCTAssertTrue(h.header.contains("+00:01:10.000"), h.header)
        XCTAssertTrue(h.bottomLine.contains("Breakpoint"), h.bottomLine)
        XCTAssertTrue(h.text.contains("contact 2"), h.text)
        h.press("P")
        XCTAssertFalse(h.header.contains("breakpoint"), h.header)
    }
}
