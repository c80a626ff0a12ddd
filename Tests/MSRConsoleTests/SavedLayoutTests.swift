@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// The layout, tables, filters, sorts, links and focus are saved in the recording and come
/// back when it is opened again.
final class SavedLayoutTests: XCTestCase {
    func testLayoutIsRestoredOnReopening() throws {
        let first = try ConsoleHarness(width: 100, height: 30)
        first.perform(.filter("side=RED"))
        first.perform(.sort("-fuel"))
        first.press("tab")                          // orders
        first.perform(.chooseTable("notes"))
        first.press("l", "enter")                   // its own session
        first.press("tab")                          // alerts
        first.press("l")
        first.type("+00:01:00")
        first.press("enter")
        first.press("-")                            // a fifth pane below alerts, focused
        try first.app.saveLayout()
        let before = first.lines

        let second = try ConsoleHarness(width: 100, height: 30, directory: first.directory)
        let app = second.app
        XCTAssertEqual(app.layout?.paneIDs.count, 5)
        let panes = app.layout?.paneIDs.compactMap { app.panes[$0] } ?? []
        XCTAssertEqual(panes.map(\.table.name.name), ["units", "notes", "alerts", "alerts", "tracks"])
        XCTAssertEqual(panes[0].spec.filter?.description, "side=RED")
        XCTAssertEqual(panes[0].spec.sortColumn, 5)
        XCTAssertEqual(panes[0].spec.descending, true)
        XCTAssertFalse(panes[1].isLinked)
        XCTAssertEqual(panes[2].offset, 60_000_000)
        XCTAssertEqual(panes[3].offset, 60_000_000, "a split keeps the offset")
        XCTAssertEqual(app.focusedPane?.id, panes[3].id)
        assertSnapshot(second.lines, named: "saved-layout-restored")
        // The same screen but for the message line, and for column widths: a column keeps
        // the widest value it has shown (BLUE-CHARLIE, before the filter), a fresh one has not.
        func squeezed(_ lines: [String]) -> [String] {
            lines.dropLast().map { $0.replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression) }
        }
        XCTAssertEqual(squeezed(second.lines), squeezed(before), "the same screen")
    }

    func testQuitSavesTheLayout() throws {
        let first = try ConsoleHarness(width: 100, height: 30)
        first.perform(.closePane)
        first.press("q")
        XCTAssertTrue(first.app.shouldQuit)
        let second = try ConsoleHarness(width: 100, height: 30, directory: first.directory)
        XCTAssertEqual(second.app.layout?.paneIDs.count, 3)
    }

    func testALayoutNamingAMissingTableFallsBackToTheDefault() throws {
        let first = try ConsoleHarness(width: 100, height: 30)
        try first.app.saveLayout()
        let json = try XCTUnwrap(try first.app.recordings[0].timeline.store.metaValue(SavedLayout.metaKey))
        try first.app.recordings[0].writer().setMetaValue(SavedLayout.metaKey, json.replacingOccurrences(of: "ops.tracks", with: "ops.gone"))
        let second = try ConsoleHarness(width: 100, height: 30, directory: first.directory)
        XCTAssertEqual(second.app.layout?.paneIDs.count, 4)
        XCTAssertEqual(second.app.layout?.paneIDs.compactMap { second.app.panes[$0]?.table.name.name },
                       ["units", "orders", "alerts", "tracks"])
    }
}
