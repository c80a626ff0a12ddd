import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// `--tables parent` of a partitioned table records the parent: its rows from every partition,
/// snapshot and changes, under the parent's name; and the same command resumes.
final class PartitionedTableTests: LiveCaptureTestCase {
    func testParentIsRecordedUnderItsOwnNameAndResumes() throws {
        try sql("""
            CREATE TABLE m (id int, region text, v int, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
            CREATE TABLE m_a PARTITION OF m FOR VALUES IN ('a');
            CREATE TABLE m_b PARTITION OF m FOR VALUES IN ('b');
            INSERT INTO m VALUES (1, 'a', 1), (2, 'b', 2)
            """)
        let capture = try startCapture(["--tables", "m,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 2 rows"), capture.stderr)
        try sql("INSERT INTO m VALUES (3, 'a', 3), (5, 'b', 5)")
        try sql("UPDATE m SET v = 20 WHERE id = 2")
        // Moves the row to the other partition.
        try sql("UPDATE m SET region = 'b' WHERE id = 1")
        try sql("DELETE FROM m WHERE id = 3")
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("m", key: ["id", "region"]), "the parent")
        let tables = try allEvents().tables.map(\.name.name)
        XCTAssertEqual(Set(tables), ["m", "marker"], "partitions recorded as tables of their own")

        capture.kill()
        try sql("INSERT INTO m VALUES (4, 'b', 4); DELETE FROM m WHERE id = 5")
        try capture.restart()
        XCTAssertTrue(capture.waitForStderr("Resuming from replication slot"), capture.stderr)
        try waitForMarker(2, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("m", key: ["id", "region"]), "after a restart")
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
