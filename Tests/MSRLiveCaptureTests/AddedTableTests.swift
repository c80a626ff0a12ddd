import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// A table added to the publication while the capture runs gets its existing rows (an
/// incremental snapshot placed in the stream where it was read), and its changes around that
/// point are neither lost nor upserts of rows never seen.
final class AddedTableTests: LiveCaptureTestCase {
    func testTableAddedToThePublicationGetsItsRows() throws {
        try sql("""
            CREATE TABLE a (id int PRIMARY KEY, v text); CREATE TABLE late (id int PRIMARY KEY, v text);
            INSERT INTO late SELECT g, 'v' || g FROM generate_series(1, 20) g;
            CREATE PUBLICATION pub FOR TABLE a, marker
            """)
        let capture = try startCapture(["--publication", "pub"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 0 rows of 2 tables"), capture.stderr)
        try sql("ALTER PUBLICATION pub ADD TABLE late")
        // Changes right after the table joins, before or after its rows are read.
        try sql("UPDATE late SET v = 'changed' WHERE id = 1; INSERT INTO late VALUES (21, 'new'); DELETE FROM late WHERE id = 2")
        XCTAssertTrue(capture.waitForStderr("public.late was added to publication pub"), capture.stderr)
        try sql("UPDATE late SET v = 'after' WHERE id = 3; INSERT INTO a VALUES (1, 'x')")
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("late", key: ["id"]), "the added table")
        let store = try SQLiteRecordingStore(openingAt: recording)
        XCTAssertEqual(try store.summary().unseenRowEvents, 0, "changes of rows the recording never saw")
        store.close()

        // A restart does not read the table again, and follows its changes.
        capture.kill()
        try sql("INSERT INTO late VALUES (22, 'while down')")
        try capture.restart()
        XCTAssertTrue(capture.waitForStderr("Resuming from replication slot"), capture.stderr)
        try sql("UPDATE late SET v = 'resumed' WHERE id = 4")
        try waitForMarker(2, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("late", key: ["id"]), "after a restart")
        XCTAssertEqual(capture.stderr.components(separatedBy: "was added to publication").count, 2, capture.stderr)
        let (events, tables) = try allEvents()
        let late = try XCTUnwrap(tables.first { $0.name.name == "late" })
        let reads = events.filter { $0.table == late.id && $0.op == .read }.count
        XCTAssertGreaterThanOrEqual(reads, 19)
        XCTAssertLessThanOrEqual(reads, 20)
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
