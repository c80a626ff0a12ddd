@testable import MSRConsole
import Foundation
import MSREngine
import MSRModel
import MSRTerminal
import XCTest

/// `e events` without a loop asks first, then writes the whole recording in the background:
/// the console keeps answering keys and shows the progress while it runs.
final class EventExportTests: XCTestCase {
    /// Holds the export after each batch until the test lets it go on.
    final class Gate: @unchecked Sendable {
        let reached = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        func pass(_ written: Int64) {
            reached.signal()
            proceed.wait()
        }
    }

    func testTheWholeRecordingIsExportedInTheBackgroundAfterAYes() throws {
        let gate = Gate()
        var options = ConsoleOptions()
        options.exportBatchSize = 100
        options.afterExportBatch = { gate.pass($0) }
        let h = try ConsoleHarness(width: 160, height: 30, options: options)
        let out = h.directory.path("all.ndjson")
        h.press("e")
        h.type("events " + out)
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("No loop is set: export all 259 events of the recording?"), h.bottomLine)
        h.press("n")
        XCTAssertTrue(h.bottomLine.contains("Cancelled."), h.bottomLine)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        h.perform(.export("events " + out))
        h.press("y")
        // The first batch is written and held: the console is not waiting for the export.
        XCTAssertEqual(gate.reached.wait(timeout: .now() + 10), .success)
        h.settle()
        XCTAssertTrue(h.bottomLine.contains("Exporting events to \(out): 100 of 259 (38 %)"), h.bottomLine)
        h.press("right")
        XCTAssertEqual(h.shownEvent, 12, "keys still work while the export runs: \(h.header)")
        h.perform(.export("events all " + h.directory.path("other.ndjson")))
        XCTAssertTrue(h.bottomLine.contains("An export to \(out) is running"), h.bottomLine)
        gate.proceed.signal()
        XCTAssertEqual(gate.reached.wait(timeout: .now() + 10), .success)
        gate.proceed.signal()
        XCTAssertEqual(gate.reached.wait(timeout: .now() + 10), .success)
        gate.proceed.signal()
        h.app.exportJob?.wait()
        h.settle()
        XCTAssertTrue(h.bottomLine.contains("Exported 259 events to \(out)."), h.bottomLine)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 259)
        XCTAssertTrue(lines[0].hasPrefix(#"{"seq":1,"#), String(lines[0]))
        XCTAssertTrue(lines[258].hasPrefix(#"{"seq":259,"#), String(lines[258]))
    }

    func testEscStopsTheExportAndRemovesItsFile() throws {
        let gate = Gate()
        var options = ConsoleOptions()
        options.exportBatchSize = 50
        options.afterExportBatch = { gate.pass($0) }
        let h = try ConsoleHarness(width: 160, height: 30, options: options)
        let out = h.directory.path("stopped.ndjson")
        h.perform(.export("events all " + out))
        XCTAssertEqual(gate.reached.wait(timeout: .now() + 10), .success)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out))
        // Esc asks it to stop and waits; the batch held is let go once the stop is asked
        // for, so the job sees it before another batch.
        let job = try XCTUnwrap(h.app.exportJob)
        DispatchQueue.global().async {
            while !job.cancelled { usleep(1000) }
            gate.proceed.signal()
        }
        h.press("esc")
        XCTAssertTrue(h.bottomLine.contains("Export stopped; \(out) was removed."), h.bottomLine)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testAScriptWaitsForItsExport() throws {
        let h = try ConsoleHarness(width: 160, height: 30)
        let out = h.directory.path("script.ndjson")
        let script = try ConsoleScript(parsing: "export events all \(out)\nsnapshot\n")
        var shown = ""
        ScriptPlayer(runner: h.runner, script: script) { shown += $0 }.play { h.surface.lines }
        XCTAssertTrue(shown.contains("Exported 259 events to \(out)."), shown)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count, 259)
    }

    func testScriptsExportEverythingWithAll() throws {
        let h = try ConsoleHarness(width: 160, height: 30, write: { try TypedFixture.write(to: $0) })
        let out = h.directory.path("typed.ndjson")
        h.perform(try CommandParser.parse("export events all " + out))
        h.app.exportJob?.wait()
        h.settle()
        XCTAssertTrue(h.bottomLine.contains("Exported 61 events"), h.bottomLine)
        let first = try XCTUnwrap(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first)
        XCTAssertTrue(first.contains(#""after":{"id":1,"strength":11.8,"updated_at":"2026-03-14T08:00:01Z""#), String(first))
    }
}
