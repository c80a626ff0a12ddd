@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// Play and pause on a clock moved by hand: at 60x a wall second plays a minute.
final class PlaybackTests: XCTestCase {
    func testPlayAt60xMovesAMinutePerSecondAndPauseStops() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        XCTAssertTrue(h.header.contains("▶ playing"), h.header)
        h.elapse(1)
        XCTAssertTrue(h.header.contains("+00:01:00.000"), h.header)
        XCTAssertEqual(h.shownEvent, 39, "every event up to 08:01:00")
        XCTAssertTrue(h.text.contains("ORDER 4"), "the orders pane plays along:\n\(h.text)")
        h.assertScreen("playing-60x-after-1s")
        h.press("space")
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
        h.elapse(2)
        XCTAssertEqual(h.shownEvent, 39, "paused means paused")
        XCTAssertTrue(h.header.contains("+00:01:00.000"), h.header)
    }

    func testPlayingToTheEndStopsThere() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.setSpeed(.rate(600)))
        h.press("space")
        h.elapse(1.2)
        XCTAssertEqual(h.shownEvent, 259)
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
        XCTAssertTrue(h.header.contains("+00:10:00.000"), h.header)
    }

    func testReversePlaysBackwards() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.type("g")
        h.type("+00:02:00")
        h.press("enter")
        h.perform(.setSpeed(.rate(30)))
        h.press("r", "space")
        XCTAssertTrue(h.header.contains("◀ reverse"), h.header)
        h.elapse(1)
        XCTAssertTrue(h.header.contains("+00:01:30.000"), h.header)
    }

    func testSpeedLadderKeys() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        var seen: [String] = []
        for _ in 0..<11 {
            h.press("]")
            seen.append(h.app.focusedSession?.playhead.speed.label ?? "?")
        }
        XCTAssertEqual(seen, ["2x", "5x", "10x", "30x", "60x", "120x", "300x", "600x", "1000x", "max", "max"])
        XCTAssertTrue(h.bottomLine.contains("Speed max"), h.bottomLine)
        seen = []
        for _ in 0..<14 {
            h.press("[")
            seen.append(h.app.focusedSession?.playhead.speed.label ?? "?")
        }
        XCTAssertEqual(seen, ["1000x", "600x", "300x", "120x", "60x", "30x", "10x", "5x", "2x", "1x", "0.5x", "0.25x", "0.1x", "0.1x"])
        XCTAssertTrue(h.header.contains("0.1x"), h.header)
    }

    func testAnySpeedTypedAfterX() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("x")
        XCTAssertTrue(h.bottomLine.contains("speed"), h.bottomLine)
        h.type("25")
        h.press("enter")
        XCTAssertEqual(h.app.focusedSession?.playhead.speed, .rate(25))
        XCTAssertTrue(h.header.contains("25x"), h.header)
        h.press("x")
        h.type("fast")
        h.press("enter")
        XCTAssertEqual(h.app.focusedSession?.playhead.speed, .rate(25), "a bad speed changes nothing")
        XCTAssertTrue(h.bottomLine.contains("'fast' is not a speed"), h.bottomLine)
        XCTAssertEqual(h.style(at: (1, 29)), h.theme[.error].layered(over: h.theme[.hint]))
    }

    func testAtMaxEachTickMovesAFixedNumberOfEvents() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.setSpeed(.max))
        h.press("space")
        h.elapse(h.tick)
        XCTAssertEqual(h.shownEvent, 259, "2,500 events a tick reach the end of a small recording at once")
    }
}
