@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// `/` filters the focused pane's rows and `s` sorts them; both show in the pane's title
/// and survive playback.
final class FilterSortTests: XCTestCase {
    private func unitsAtTwoMinutes() throws -> ConsoleHarness {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:02:00"))
        return h
    }

    func testFilterByColumnShowsMatchingRowsAndSaysSoInTheTitle() throws {
        let h = try unitsAtTwoMinutes()
        h.press("/")
        h.type("side=RED")
        h.press("enter")
        let title = h.lines[1]
        XCTAssertTrue(title.contains("ops.units · row 1 of 4 · /side=RED"), title)
        XCTAssertFalse(h.text.contains("BLUE-"), h.text)
        XCTAssertTrue(h.text.contains("RED-BRAVO"), h.text)
        h.assertScreen("filter-side-red")
        // Free text, and no match.
        h.press("/")
        h.type("nothing-like-this")
        h.press("enter")
        XCTAssertTrue(h.text.contains("no rows match the filter"), h.text)
        // Empty clears.
        h.press("/", "enter")
        XCTAssertTrue(h.lines[1].contains("row 1 of 8"), h.lines[1])
    }

    func testFilterOnAnUnknownColumnIsAnError() throws {
        let h = try unitsAtTwoMinutes()
        h.press("/")
        h.type("colour=red")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("There is no column 'colour'"), h.bottomLine)
        XCTAssertTrue(h.lines[1].contains("row 1 of 8"), "the old view stays")
    }

    func testFilteredViewFollowsPlayback() throws {
        let h = try unitsAtTwoMinutes()
        h.perform(.filter("status=moving"))
        let before = h.app.focusedPane?.rowCount ?? -1
        h.perform(.goTo("+00:05:00"))
        let after = h.app.focusedPane?.rowCount ?? -1
        let moving = h.lines.filter { $0.contains(" moving ") }.count
        XCTAssertEqual(after, moving, h.text)
        XCTAssertTrue(before >= 0 && after >= 0)
    }

    func testSortByColumnBothWaysAndBackToKeyOrder() throws {
        let h = try unitsAtTwoMinutes()
        h.press("s")
        h.type("-fuel")
        h.press("enter")
        XCTAssertTrue(h.lines[1].contains("sort fuel ↓"), h.lines[1])
        let fuels = h.app.focusedPane?.rows?.window(from: 0, limit: 8, keyColumns: [0]).map { $0.row[5] } ?? []
        XCTAssertEqual(fuels, fuels.sorted(by: >))
        h.assertScreen("sort-fuel-descending")
        // The sorted column's name is marked in the grid header.
        let name = try XCTUnwrap(h.locate("fuel", row: 2))
        XCTAssertEqual(h.style(at: name), h.theme[.gridHeaderSorted].layered(over: h.theme[.gridHeader]))
        h.press("s")
        h.type("callsign")
        h.press("enter")
        XCTAssertTrue(h.lines[1].contains("sort callsign ↑"), h.lines[1])
        XCTAssertTrue(h.lines[3].contains("BLUE-ALPHA"), h.lines[3])
        h.press("s", "enter")
        XCTAssertFalse(h.lines[1].contains("sort"), h.lines[1])
        XCTAssertTrue(h.lines[3].contains(" 1 "), h.lines[3])
        h.press("s")
        h.type("altitude")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("There is no column 'altitude'"), h.bottomLine)
    }
}
