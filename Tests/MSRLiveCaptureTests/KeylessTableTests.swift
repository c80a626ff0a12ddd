import Foundation
import MSRModel
import MSRTestSupport
import XCTest

/// A table without a key (REPLICA IDENTITY FULL) is a multiset: identical rows are recorded as
/// many times as the table holds them, a delete removes one copy and an update changes one.
final class KeylessTableTests: LiveCaptureTestCase {
    func testIdenticalRowsAreKeptAsManyTimesAsTheTableHoldsThem() throws {
        try sql("CREATE TABLE bag (a int, b text); ALTER TABLE bag REPLICA IDENTITY FULL")
        try sql("INSERT INTO bag VALUES (1, 'x'), (1, 'x'), (2, 'y')")
        let capture = try startCapture(["--tables", "bag,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 3 rows"), capture.stderr)

        // COPY writes its rows in one multi-insert WAL record: three identical rows share one position.
        var sent = false
        _ = try db.copyIn("COPY bag FROM STDIN") {
            defer { sent = true }
            return sent ? nil : Array("1\tx\n1\tx\n1\tx\n".utf8)
        }
        try sql("INSERT INTO bag VALUES (1, 'x')")
        try sql("INSERT INTO bag VALUES (1, 'x')")
        try sql("DELETE FROM bag WHERE ctid = (SELECT ctid FROM bag WHERE a = 1 LIMIT 1)")
        try sql("UPDATE bag SET b = 'z' WHERE ctid = (SELECT ctid FROM bag WHERE a = 1 LIMIT 1)")
        try waitForMarker(1, capture: capture)
        let expected = try MultisetComparison.database(db, "bag")
        XCTAssertEqual(expected, ["1|x": 5, "1|z": 1, "2|y": 1])
        XCTAssertEqual(try MultisetComparison.recording(recording, "bag").rows, expected)

        // After a kill the capture picks up the copies where the recording left them.
        capture.kill()
        try sql("INSERT INTO bag VALUES (1, 'x'); DELETE FROM bag WHERE ctid = (SELECT ctid FROM bag WHERE b = 'z' LIMIT 1)")
        try sql("UPDATE bag SET b = 'w' WHERE ctid IN (SELECT ctid FROM bag WHERE a = 1 LIMIT 2)")
        try capture.restart()
        try waitForMarker(2, capture: capture)
        let later = try MultisetComparison.database(db, "bag")
        XCTAssertEqual(later, ["1|x": 4, "1|w": 2, "2|y": 1])
        XCTAssertEqual(try MultisetComparison.recording(recording, "bag").rows, later)
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
        XCTAssertFalse(capture.stderr.contains("sent again"), capture.stderr)
    }
}
