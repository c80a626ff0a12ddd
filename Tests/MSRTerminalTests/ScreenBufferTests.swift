import MSRTerminal
import XCTest

final class ScreenBufferTests: XCTestCase {
    func testPlainTextIsWrittenAndReturnsTheNextColumn() {
        var buffer = ScreenBuffer(width: 12, height: 2)
        let end = buffer.put("units", x: 1, y: 0)
        XCTAssertEqual(end, 6)
        buffer.put("42", x: end + 1, y: 0)
        assertScreen(buffer, [" units 42", ""])
        XCTAssertEqual(buffer.lines[0], " units 42   ", "rows keep the full width")
    }

    func testWideAndCombiningAndControlCharactersStayAligned() {
        var buffer = ScreenBuffer(width: 12, height: 7)
        let samples = ["漢字ab", "😀x", "e\u{301}te\u{301}", "a\tb", "a\nb\r\nc", "x\u{1B}[31my", "🇫🇷ok"]
        for (row, text) in samples.enumerated() {
            buffer.put(text, x: 0, y: row)
            buffer.put("|", x: 9, y: row)
        }
        assertScreen(buffer, [
            "漢字ab   |",
            "😀x      |",
            "e\u{301}te\u{301}      |",
            "a→b      |",
            "a↵b↵c    |",
            "x␛[31my  |",
            "🇫🇷ok     |",
        ])
    }

    func testInvisibleFormatCharactersAreDroppedAndLoneMarksGetABase() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.put("a\u{202E}b\u{200B}c", x: 0, y: 0)
        buffer.put("\u{301}x", x: 0, y: 1)
        assertScreen(buffer, ["abc", "◌\u{301}x"])
    }

    func testWideCharacterCutByTheClipEdgeBecomesASpace() {
        var buffer = ScreenBuffer(width: 10, height: 3, style: .plain)
        buffer.put("ab漢字", x: 0, y: 0, maxWidth: 5)
        buffer.put("|", x: 5, y: 0)
        buffer.put("漢字", x: 7, y: 1)
        buffer.put("漢字", x: -1, y: 2)
        assertScreen(buffer, ["ab漢 |", "       漢", " 字"])
        XCTAssertEqual(buffer[9, 1].text, " ", "the right edge of the screen clips like maxWidth")
        XCTAssertFalse(buffer[9, 1].isContinuation)
    }

    func testWideCellsOccupyAContinuationCell() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("漢", x: 1, y: 0, style: .fg(214))
        XCTAssertEqual(buffer[1, 0].width, 2)
        XCTAssertTrue(buffer[2, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].style, .fg(214), "both halves share the style")
    }

    func testOverwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("漢字", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        assertScreen(buffer, [" x字", ""])
        buffer.put("漢字", x: 0, y: 1)
        buffer.put("y", x: 2, y: 1)
        assertScreen(buffer, [" x字", "漢y"])
        XCTAssertFalse(buffer[3, 1].isContinuation)
        buffer.put("字", x: 1, y: 1)
        assertScreen(buffer, [" x字", " 字"])
    }

    func testTextStyleIsLayeredOverTheFilledBackground() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.fill(Rect(x: 0, y: 0, width: 8, height: 1), style: Style(background: .indexed(235)))
        buffer.put("7", x: 2, y: 0, style: Style(foreground: .indexed(116), attributes: .bold))
        XCTAssertEqual(buffer[2, 0].style, Style(foreground: .indexed(116), background: .indexed(235), attributes: .bold))
        XCTAssertEqual(buffer[3, 0].style, Style(background: .indexed(235)))
        XCTAssertEqual(buffer[2, 1].style, .plain)
    }

    func testFillReplacesTextAndStyleWithinTheScreen() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.put("abcde", x: 0, y: 1, style: .fg(1, .bold))
        buffer.fill(Rect(x: 3, y: 0, width: 10, height: 2), style: Style(background: .ansi(.blue)))
        assertScreen(buffer, ["", "abc", ""])
        XCTAssertEqual(buffer[4, 1].style, Style(background: .ansi(.blue)))
        XCTAssertEqual(buffer[2, 1].style, .fg(1, .bold))
    }

    func testRestyleKeepsTextAndCoversWholeWideCharacters() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("a漢b", x: 0, y: 0, style: .fg(252))
        let highlight = Style(foreground: .indexed(231), background: .indexed(25), attributes: .bold)
        buffer.restyle(Rect(x: 2, y: 0, width: 1, height: 1), style: highlight)
        assertScreen(buffer, ["a漢b"])
        XCTAssertEqual(buffer[0, 0].style, .fg(252))
        XCTAssertEqual(buffer[1, 0].style, highlight, "the wide character's left half is restyled too")
        XCTAssertEqual(buffer[2, 0].style, highlight)
        XCTAssertEqual(buffer[3, 0].style, .fg(252))
        XCTAssertEqual(buffer[4, 0].style, .plain)
    }

    func testDrawingOutsideTheScreenIsIgnored() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.put("x", x: 0, y: 5)
        buffer.put("y", x: 7, y: 0)
        buffer.fill(Rect(x: 5, y: 5, width: 2, height: 2), style: .fg(1))
        buffer.restyle(Rect(x: -5, y: 0, width: 2, height: 1), style: .fg(1))
        XCTAssertEqual(buffer, ScreenBuffer(width: 3, height: 1))
        XCTAssertNil(buffer.cell(x: 3, y: 0))
    }

    func testResizeKeepsTheTopLeftAndNeverSplitsAWideCharacter() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("ab漢字", x: 0, y: 0)
        buffer.put("second", x: 0, y: 1)
        let smaller = buffer.resized(to: Size(width: 3, height: 1))
        assertScreen(smaller, ["ab"])
        XCTAssertFalse(smaller[2, 0].isContinuation)
        let larger = buffer.resized(to: Size(width: 8, height: 3))
        assertScreen(larger, ["ab漢字", "second", ""])
    }

    func testBoxWithTitle() {
        var buffer = ScreenBuffer(width: 16, height: 4)
        buffer.drawBox(Rect(x: 0, y: 0, width: 16, height: 4), style: .fg(240), title: "tracks (1 204)",
                       titleStyle: .fg(231, .bold))
        buffer.put("row", x: 1, y: 1)
        assertScreen(buffer, [
            "┌─ tracks (1… ─┐",
            "│row           │",
            "│              │",
            "└──────────────┘",
        ])
        XCTAssertEqual(buffer[0, 0].style, .fg(240))
        XCTAssertEqual(buffer[3, 0].style, .fg(231, .bold))
    }
}
