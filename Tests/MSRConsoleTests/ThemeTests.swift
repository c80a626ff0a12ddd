@testable import MSRConsole
import MSRTerminal
import XCTest

/// Without colour (NO_COLOR, the monochrome theme) every role the console relies on is still
/// told apart by attributes alone.
final class ThemeTests: XCTestCase {
    private func harness(_ theme: Theme) throws -> ConsoleHarness {
        let h = try ConsoleHarness(width: 100, height: 30, theme: theme)
        h.perform(.goTo("+00:00:30"))
        h.elapse(2)
        h.press("right", "right")       // unit 7 updated (event 29), alert 1 inserted (event 30)
        return h
    }

    private func assertRolesApartWithoutColour(_ h: ConsoleHarness, file: StaticString = #filePath, line: UInt = #line) throws {
        for cell in h.surface.buffer.cells {
            XCTAssertNil(cell.style.foreground, file: file, line: line)
            XCTAssertNil(cell.style.background, file: file, line: line)
        }
        let units = try XCTUnwrap(h.locate("ops.units"))
        let orders = try XCTUnwrap(h.locate("ops.orders"))
        let focused = h.style(at: (0, units.y)).attributes
        let unfocused = h.style(at: (orders.x - 3, orders.y)).attributes
        XCTAssertNotEqual(focused, unfocused, "focused pane border", file: file, line: line)
        let plain = h.style(at: try XCTUnwrap(h.locate("RED-BRAVO"))).attributes
        let inserted = h.style(at: try XCTUnwrap(h.locate("contact 1"))).attributes
        XCTAssertNotEqual(inserted, plain, "inserted row", file: file, line: line)
        let golf = h.row(showing: "BLUE-GOLF")
        let updated = h.style(at: try XCTUnwrap(h.locate("holding", row: golf))).attributes
        XCTAssertNotEqual(updated, plain, "updated cell", file: file, line: line)
        XCTAssertNotEqual(updated, inserted, "updated and inserted differ", file: file, line: line)
        let selected = h.style(at: try XCTUnwrap(h.locate("BLUE-ALPHA"))).attributes
        XCTAssertTrue(selected.contains(.reverse), "selected row", file: file, line: line)
        let head = try XCTUnwrap(h.locate("┃", row: 27))
        XCTAssertNotEqual(h.style(at: head).attributes, h.style(at: (head.x + 30, 27)).attributes, "playhead", file: file, line: line)
    }

    func testNoColorKeepsRolesApartByAttributes() throws {
        let theme = ThemeLoader(environment: ["NO_COLOR": "1"], executablePath: nil).load(nil).theme
        XCTAssertEqual(theme.colorSupport, .none)
        try assertRolesApartWithoutColour(try harness(theme))
    }

    func testMonochromeThemeKeepsRolesApart() throws {
        let theme = ThemeLoader(environment: [:], executablePath: nil).load("monochrome").theme
        try assertRolesApartWithoutColour(try harness(theme))
    }

    func testDefaultThemeStylesTheRoles() throws {
        let h = try harness(ConsoleHarness.defaultTheme)
        XCTAssertEqual(h.style(at: try XCTUnwrap(h.locate("+00:00:35.000", row: 0))), h.theme[.headerAccent])
        XCTAssertEqual(h.style(at: (1, 29)).background, h.theme[.hint].background)
        let speed = try XCTUnwrap(h.locate("12.5"))
        XCTAssertEqual(h.style(at: speed).foreground, h.theme[.number].foreground, "numbers")
    }
}
