@testable import MSRConsole
import MSRTerminal
import XCTest

/// The top line: recording, time (absolute and from the start), play state and direction,
/// requested and achieved speed, position and sessions; it keeps the important fields when
/// the terminal is narrow.
final class HeaderTests: XCTestCase {
    func testPausedHeaderShowsTimeOffsetStateAndPosition() throws {
        let h = try ConsoleHarness(width: 140, height: 30)
        XCTAssertTrue(h.header.contains("exercise.msr"), h.header)
        XCTAssertTrue(h.header.contains("2026-03-14T08:00:00Z"), h.header)
        XCTAssertTrue(h.header.contains("+00:00:00.000"), h.header)
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
        XCTAssertTrue(h.header.contains(" 1x"), h.header)
        XCTAssertTrue(h.header.contains("event  11/259"), "padded to the last event's digits: \(h.header)")
        XCTAssertTrue(h.header.contains("1/8 sessions"), h.header)
        assertSnapshot([h.header], named: "header-paused")
    }

    func testPlayingHeaderShowsRequestedAndAchievedSpeed() throws {
        let h = try ConsoleHarness(width: 140, height: 30)
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        h.elapse(0.5)
        XCTAssertTrue(h.header.contains("▶ playing"), h.header)
        XCTAssertTrue(h.header.contains("60x (60.0x)"), h.header)
        XCTAssertTrue(h.header.contains("2026-03-14T08:00:30.000Z"), "steady width while playing: \(h.header)")
        XCTAssertTrue(h.header.contains("+00:00:30.000"), h.header)
        assertSnapshot([h.header], named: "header-playing")
    }

    func testANarrowHeaderKeepsTimeStateAndSpeed() throws {
        let h = try ConsoleHarness(width: 60, height: 20)
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        h.elapse(0.5)
        XCTAssertTrue(h.header.contains("+00:00:30.000"), h.header)
        XCTAssertTrue(h.header.contains("▶"), h.header)
        XCTAssertTrue(h.header.contains("60x"), h.header)
        h.resize(width: 40, height: 12)
        XCTAssertTrue(h.header.contains("+00:00:30"), h.header)
        XCTAssertTrue(h.header.contains("60x"), h.header)
        XCTAssertEqual(DisplayWidth.of(h.surface.lines[0]), 40)
    }
}
