import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// PostgreSQL before 18 never publishes generated columns: the capture says which columns it
/// cannot record, and records the others, snapshot and stream alike.
final class GeneratedColumnTests: LiveCaptureTestCase {
    func testGeneratedColumnsTheServerDoesNotSendAreNamed() throws {
        try sql("CREATE TABLE g (id int PRIMARY KEY, a int, twice int GENERATED ALWAYS AS (a * 2) STORED); INSERT INTO g (id, a) VALUES (1, 10)")
        let capture = try startCapture(["--tables", "g,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 1 row"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Not recorded: generated column twice of public.g"), capture.stderr)
        try sql("INSERT INTO g (id, a) VALUES (2, 20); UPDATE g SET a = 11 WHERE id = 1")
        try waitForMarker(1, capture: capture)
        var expected = try databaseTable("g", key: ["id"])
        expected.columns.removeAll { $0.name == "twice" }
        try assertRecording(at: nil, equals: expected, "without the generated column")
        let columns = try allEvents().tables.first { $0.name.name == "g" }?.columns.map(\.name)
        XCTAssertEqual(columns, ["id", "a"])
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
