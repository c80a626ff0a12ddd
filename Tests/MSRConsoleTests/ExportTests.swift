@testable import MSRConsole
import MSREngine
import MSRTerminal
import XCTest

/// `e` writes the focused pane's rows (CSV, NDJSON; filtered and sorted as shown) or the
/// loop range's events to a file, and says where.
final class ExportTests: XCTestCase {
    func testCSVOfTheFilteredSortedPane() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:00:30"))
        h.perform(.filter("side=BLUE"))
        h.perform(.sort("-id"))
        let out = h.directory.path("blue.csv")
        h.press("e")
        h.type("csv " + out)
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("Exported 4 rows to"), h.bottomLine)
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(csv, """
            id,callsign,side,status,speed,fuel
            7,BLUE-GOLF,BLUE,ready,0.0,100
            5,BLUE-ECHO,BLUE,moving,12.5,98
            3,BLUE-CHARLIE,BLUE,holding,7.5,99
            1,BLUE-ALPHA,BLUE,moving,2.5,100

            """)
    }

    func testNDJSONOfThePane() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("tab", "tab", "tab")   // tracks
        let out = h.directory.path("tracks.ndjson")
        h.perform(.export("ndjson " + out))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(text, """
            {"id":1,"label":"T-1","lat":57.1}
            {"id":2,"label":"T-2","lat":57.2}
            {"id":3,"label":"T-3","lat":null}

            """)
    }

    func testEventsOfTheLoopRange() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:00:30"))
        h.press("a")
        h.perform(.goTo("+00:00:35"))
        h.press("b")
        let out = h.directory.path("loop.ndjson")
        h.perform(.export("events " + out))
        h.app.exportJob?.wait()
        h.settle()
        XCTAssertTrue(h.bottomLine.contains("Exported 5 events"), h.bottomLine)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[0].hasPrefix("{\"seq\":26,\"commit_time\":\"2026-03-14T08:00:30Z\",\"table\":\"ops.units\",\"op\":\"u\""), String(lines[0]))
        XCTAssertTrue(lines[4].hasPrefix("{\"seq\":30,"), String(lines[4]))
    }

    func testDefaultFileNameAndAnUnwritablePath() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.export("csv /nonexistent-dir/x.csv"))
        XCTAssertTrue(h.bottomLine.contains("Cannot write /nonexistent-dir/x.csv"), h.bottomLine)
        h.press("e")
        h.type("bogus")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("Export what?"), h.bottomLine)
    }
}
