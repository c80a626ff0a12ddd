import MSRTerminal
import XCTest

final class TruncationTests: XCTestCase {
    func testTextThatFitsIsUnchanged() {
        XCTAssertEqual(DisplayWidth.truncate("orders", toWidth: 6), "orders")
        XCTAssertEqual(DisplayWidth.truncate("orders", toWidth: 20), "orders")
    }

    func testEndTruncationAddsAnEllipsis() {
        XCTAssertEqual(DisplayWidth.truncate("alerts_archive", toWidth: 8), "alerts_…")
        XCTAssertEqual(DisplayWidth.truncate("alerts", toWidth: 1), "…")
        XCTAssertEqual(DisplayWidth.truncate("alerts", toWidth: 0), "")
    }

    func testWideCharactersAreNeverSplit() {
        XCTAssertEqual(DisplayWidth.truncate("漢字漢字", toWidth: 6), "漢字…")
        XCTAssertEqual(DisplayWidth.truncate("漢字漢字", toWidth: 4), "漢…", "one column short rather than half a character")
        XCTAssertEqual(DisplayWidth.truncate("😀😀😀", toWidth: 2), "…")
    }

    func testStartAndMiddleTruncation() {
        XCTAssertEqual(DisplayWidth.truncate("/data/exercises/run-07.msr", toWidth: 12, position: .start), "…/run-07.msr")
        XCTAssertEqual(DisplayWidth.truncate("unit-alpha-0042", toWidth: 9, position: .middle), "unit…0042")
        XCTAssertEqual(DisplayWidth.truncate("漢字漢字漢字", toWidth: 7, position: .middle), "漢…漢字")
    }

    func testCombiningMarksStayWithTheirBase() {
        XCTAssertEqual(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}e\u{301}", toWidth: 3), "e\u{301}e\u{301}…")
    }

    func testFitPadsToTheExactWidth() {
        XCTAssertEqual(DisplayWidth.fit("42", width: 6, alignment: .right), "    42")
        XCTAssertEqual(DisplayWidth.fit("ok", width: 6, alignment: .center), "  ok  ")
        XCTAssertEqual(DisplayWidth.fit("漢字漢字", width: 4), "漢… ")
        for width in 0 ... 9 {
            XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit("a漢b😀c\td", width: width)), width)
        }
    }
}
