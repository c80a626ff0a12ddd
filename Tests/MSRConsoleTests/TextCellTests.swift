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
