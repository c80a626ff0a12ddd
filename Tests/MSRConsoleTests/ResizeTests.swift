@testable import MSRConsole
import MSRTerminal
import XCTest

/// The same console drawn into terminals of other sizes: down to 40×12 it degrades, below it
/// says what size it needs; growing again brings the screen back.
final class ResizeTests: XCTestCase {
    func testSmallestSupportedTerminal() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:01:00"))
        h.resize(width: 40, height: 12)
        h.assertScreen("resize-40x12")
        XCTAssertTrue(h.text.contains("ops.units"), h.text)
        XCTAssertTrue(h.header.contains("+00:01:00"), h.header)
        for line in h.surface.lines { XCTAssertEqual(DisplayWidth.of(line), 40) }
    }

    func testTooSmallTerminalSaysWhatItNeeds() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.resize(width: 30, height: 8)
        h.assertScreen("resize-too-small")
        let text = h.text
        XCTAssertTrue(text.contains("40×12"), text)
        XCTAssertTrue(text.contains("30×8"), text)
        XCTAssertFalse(h.lines.contains { $0.hasSuffix(" ") }, "lines are trimmed")
        h.resize(width: 12, height: 3)
        XCTAssertTrue(h.text.contains("40×12"), "even a tiny terminal says it:\n\(h.text)")
        h.resize(width: 100, height: 30)
        XCTAssertTrue(h.text.contains("ops.units"), h.text)
    }

    func testKeysStillWorkWhileTooSmall() throws {
        let h = try ConsoleHarness(width: 30, height: 8)
        h.press("right")
        XCTAssertEqual(h.app.focusedSession?.playhead.seq, 12)
        h.press("q")
        XCTAssertTrue(h.app.shouldQuit)
    }

    func testWideTerminal() throws {
        let h = try ConsoleHarness(width: 200, height: 50)
        h.perform(.goTo("+00:03:00"))
        h.assertScreen("resize-200x50")
    }

    func testEveryRowFillsTheWidthAtManySizes() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:04:00"))
        for (w, ht) in [(41, 13), (57, 19), (80, 24), (99, 31), (133, 41)] {
            h.resize(width: w, height: ht)
            XCTAssertEqual(h.surface.lines.count, ht)
            for (y, line) in h.surface.lines.enumerated() {
                XCTAssertEqual(DisplayWidth.of(line), w, "\(w)×\(ht) row \(y): \(line)")
            }
            XCTAssertTrue(h.text.contains("ops.units"), "\(w)×\(ht):\n\(h.text)")
        }
    }
}
