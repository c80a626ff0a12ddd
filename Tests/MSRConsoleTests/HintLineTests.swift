@testable import MSRConsole
import MSRTerminal
import XCTest

/// The bottom line: key hints from the key table (always ending with how to get help),
/// messages in place of the hints for a while, errors cut with an ellipsis.
final class HintLineTests: XCTestCase {
    func testHintsComeFromTheKeyTableAndAlwaysOfferHelp() throws {
        for width in [40, 60, 100, 160] {
            let h = try ConsoleHarness(width: width, height: 20)
            let line = h.bottomLine
            XCTAssertTrue(line.contains("? help"), "\(width): \(line)")
            XCTAssertTrue(line.contains("space play"), "\(width): \(line)")
            XCTAssertEqual(DisplayWidth.of(h.surface.lines[19]), width)
            for b in KeyBindings.all where b.hint != nil {
                if line.contains(" " + (b.hint ?? "")) { XCTAssertTrue(line.contains(KeyName.display(b.key))) }
            }
        }
        let h = try ConsoleHarness(width: 160, height: 20)
        assertSnapshot([h.bottomLine], named: "hint-line-160")
        let key = try XCTUnwrap(h.locate("space", row: 19))
        XCTAssertEqual(h.style(at: key), h.theme[.hintKey].layered(over: h.theme[.hint]))
    }

    func testMessagesReplaceTheHintsForAWhile() throws {
        let h = try ConsoleHarness(width: 100, height: 20)
        h.press("]")
        XCTAssertTrue(h.bottomLine.contains("Speed 2x"), h.bottomLine)
        h.elapse(4.1)
        XCTAssertTrue(h.bottomLine.contains("? help"), h.bottomLine)
    }

    func testLongErrorsAreCutWithAnEllipsis() throws {
        let h = try ConsoleHarness(width: 60, height: 20)
        h.perform(.filter("nosuchcolumn=1"))
        XCTAssertTrue(h.bottomLine.hasSuffix("…"), h.bottomLine)
        XCTAssertEqual(DisplayWidth.of(h.surface.lines[19]), 60)
    }

    func testUnboundKeySaysSo() throws {
        let h = try ConsoleHarness(width: 100, height: 20)
        h.press("z")
        XCTAssertTrue(h.bottomLine.contains("z does nothing here; ? lists the keys."), h.bottomLine)
    }
}
