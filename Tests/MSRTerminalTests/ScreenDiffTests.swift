import MSRTerminal
import XCTest

final class ScreenDiffTests: XCTestCase {
    func testTheFirstFrameWritesEveryCell() {
        let surface = InMemorySurface(width: 4, height: 2)
        var frame = surface.makeBuffer()
        frame.put("ab", x: 0, y: 0)
        surface.present(frame)
        XCTAssertEqual(surface.lastChanges.count, 8)
    }

    func testOnlyChangedCellsAreWritten() {
        let surface = InMemorySurface(width: 10, height: 3)
        var frame = surface.makeBuffer()
        frame.put("time 10:00", x: 0, y: 0)
        frame.put("rows 42", x: 0, y: 1)
        surface.present(frame)

        frame.put("01", x: 8, y: 0)
        frame.restyle(Rect(x: 5, y: 1, width: 2, height: 1), style: Style(background: .indexed(94)))
        surface.present(frame)

        XCTAssertEqual(surface.lastChanges.map { Point(x: $0.x, y: $0.y) }, [
            Point(x: 9, y: 0), Point(x: 5, y: 1), Point(x: 6, y: 1),
        ], "the 0 written over a 0 is not a change")
        XCTAssertEqual(surface.lastChanges.first?.cell.text, "1")
        assertScreen(surface, ["time 10:01", "rows 42", ""])
        XCTAssertEqual(surface.style(at: 6, 1), Style(background: .indexed(94)))
        XCTAssertEqual(surface.presentCount, 2)
    }

    func testPresentingTheSameFrameWritesNothing() {
        let surface = InMemorySurface(width: 6, height: 2)
        var frame = surface.makeBuffer()
        frame.put("漢字!", x: 0, y: 0)
        surface.present(frame)
        surface.present(frame)
        XCTAssertEqual(surface.lastChanges, [])
    }

    func testAWideCharacterIsWrittenOnceForBothColumns() {
        var old = ScreenBuffer(width: 6, height: 1)
        old.put("abcdef", x: 0, y: 0)
        var new = old
        new.put("漢", x: 2, y: 0)
        let changes = ScreenDiff.changes(from: old, to: new)
        XCTAssertEqual(changes.map(\.x), [2])
        XCTAssertEqual(changes.first?.cell.width, 2)
    }

    func testReplacingAWideCharacterWritesTheCellsThatReplaceIt() {
        var old = ScreenBuffer(width: 6, height: 1)
        old.put("a漢b", x: 0, y: 0)
        var new = old
        new.put("xy", x: 1, y: 0)
        XCTAssertEqual(ScreenDiff.changes(from: old, to: new).map(\.x), [1, 2])
        var shifted = old
        shifted.put("漢", x: 2, y: 0)
        XCTAssertEqual(ScreenDiff.changes(from: old, to: shifted).map(\.x), [1, 2], "old left half blanked, new one written")
    }

    func testAResizeRedrawsEverything() {
        let surface = InMemorySurface(width: 4, height: 2)
        surface.present(surface.makeBuffer())
        surface.resize(to: Size(width: 5, height: 2))
        var frame = surface.makeBuffer()
        frame.put("hello", x: 0, y: 0)
        surface.present(frame)
        XCTAssertEqual(surface.lastChanges.count, 10)
        XCTAssertEqual(surface.size, Size(width: 5, height: 2))
    }

    func testAFrameOfTheWrongSizeIsFittedToTheSurface() {
        let surface = InMemorySurface(width: 4, height: 1)
        var frame = ScreenBuffer(width: 8, height: 2)
        frame.put("abc漢x", x: 0, y: 0)
        surface.present(frame)
        XCTAssertEqual(surface.lines, ["abc "])
    }
}
