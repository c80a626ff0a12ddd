@testable import MSRConsole
import MSRTerminal
import XCTest

/// Cells holding wide characters (CJK, emoji), combining marks, tabs, line breaks and
/// control characters are shown safely and keep the columns aligned.
final class TextCellTests: XCTestCase {
    func testHardTextStaysAligned() throws {
        let h = try ConsoleHarness(width: 70, height: 20)
        h.perform(.closePane)
        h.perform(.closePane)
        h.perform(.closePane)
        h.perform(.chooseTable("notes"))
        h.perform(.goTo("+00:00:05"))
        h.assertScreen("hard-text")
        // Every `|end` starts in the same screen column, whatever came before it.
        var columns: Set<Int> = []
        for y in 3..<(3 + ExerciseFixture.hardText.count) {
            let p = try XCTUnwrap(h.locate("|end", row: y), h.lines[y])
            columns.insert(p.x)
        }
        XCTAssertEqual(columns.count, 1, h.text)
        // Nothing a value holds reaches the terminal as a control character.
        for cell in h.surface.buffer.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, cell.text)
        }
        XCTAssertTrue(h.text.contains("tab→here"), h.text)
        XCTAssertTrue(h.text.contains("bell␇esc␛[31mred"), h.text)
        XCTAssertTrue(h.text.contains("line↵break"), h.text)
    }

    func testNullIsShownAsASymbolWhereTheNumbersAre() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let y = h.row(showing: "T-3")
        let null = try XCTUnwrap(h.locate("∅", row: y))
        let number = try XCTUnwrap(h.locate("57.2", row: y - 1))
        XCTAssertEqual(null.x, number.x + 3, "right-aligned with the numbers above it")
        XCTAssertEqual(h.style(at: null).attributes, h.theme[.null].attributes)
        XCTAssertEqual(h.style(at: null).foreground, h.theme[.null].foreground)
    }

    func testDecimalPointsLineUp() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:02:00"))   // track 2 moved to 57.13; track 1 is at 57.1
        let one = try XCTUnwrap(h.locate("57.1 ", row: h.row(showing: "T-1")))
        let two = try XCTUnwrap(h.locate("57.13", row: h.row(showing: "T-2")))
        XCTAssertEqual(one.x, two.x, h.text)
    }

    func testWideCharactersCutAtAColumnEdgeAreNotSplit() throws {
        let h = try ConsoleHarness(width: 40, height: 14)
        h.perform(.closePane)
        h.perform(.closePane)
        h.perform(.closePane)
        h.perform(.chooseTable("notes"))
        h.perform(.goTo("+00:00:05"))
        for line in h.surface.lines { XCTAssertEqual(DisplayWidth.of(line), 40, line) }
        for (i, cell) in h.surface.buffer.cells.enumerated() where cell.isWide {
            XCTAssertTrue(h.surface.buffer.cells[i + 1].isContinuation)
        }
    }
}
