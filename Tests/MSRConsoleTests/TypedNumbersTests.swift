@testable import MSRConsole
import MSREngine
import MSRModel
import MSRTerminal
import XCTest

/// Every number typed into the console is range-checked: a huge jump (by key, prompt or
/// script) never crashes, it is refused or stops at the end; a jump to a tenth lands on a
/// round time.
final class TypedNumbersTests: XCTestCase {
    private func command(_ h: ConsoleHarness, _ line: String) {
        h.press(":")
        h.type(line)
        h.press("enter")
    }

    func testHugeJumpsAreRefusedOrStopAtTheEnds() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        command(h, "jump 1e308")
        XCTAssertTrue(h.bottomLine.contains("'jump' takes seconds between"), h.bottomLine)
        XCTAssertTrue(h.header.contains("+00:00:00.000"), h.header)
        command(h, "jump inf")
        XCTAssertTrue(h.bottomLine.contains("'jump' needs a number"), h.bottomLine)
        command(h, "jump-to 1e308")
        XCTAssertTrue(h.bottomLine.contains("'jump-to' takes a fraction"), h.bottomLine)
        command(h, "scroll-down 1e300")
        XCTAssertTrue(h.bottomLine.contains("'scroll-down' takes a count of rows"), h.bottomLine)
        command(h, "jump 3000000000")
        XCTAssertTrue(h.header.contains("+00:10:00.000"), "a century-long jump stops at the end: \(h.header)")
        // A command value from elsewhere (a script built in code) is held to the same range.
        h.perform(.jump(-1e308))
        XCTAssertTrue(h.header.contains("+00:00:00.000"), h.header)
        h.perform(.jump(1e308))
        XCTAssertTrue(h.header.contains("+00:10:00.000"), h.header)
        h.perform(.jump(.nan))
        XCTAssertTrue(h.bottomLine.contains("A jump needs a number of seconds"), h.bottomLine)
        XCTAssertThrowsError(try ConsoleScript(parsing: "jump 1e308\n"))
    }

    func testTenthsOfTheSpanLandOnRoundTimes() throws {
        let h = try ConsoleHarness(width: 120, height: 30, write: { try TypedFixture.write(to: $0) })
        // The span is 123.457 s: 30 % is 37.037 s, shown as the round 37 s.
        h.press("3")
        XCTAssertTrue(h.header.contains("+00:00:37.000"), h.header)
        h.press("5")
        XCTAssertTrue(h.header.contains("+00:01:01.700"), h.header)
        h.press("9")
        XCTAssertTrue(h.header.contains("+00:01:51.100"), h.header)
        command(h, "jump-to 1")
        XCTAssertTrue(h.header.contains("+00:02:03.457"), "the end stays the end: \(h.header)")
    }
}
