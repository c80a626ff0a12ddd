import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// A table without a key whose columns change: rows are matched over the columns the table has
/// now, so deletes and updates after `DROP COLUMN` and `ADD COLUMN` still take one right copy,
/// and the states before the change stay as they were.
final class KeylessSchemaChangeTests: LiveCaptureTestCase {
    func testDeletesAndUpdatesFindTheirCopyAfterColumnsAreDroppedAndAdded() throws {
        try sql("CREATE TABLE bag (a int, b text, c int); ALTER TABLE bag REPLICA IDENTITY FULL")
        try sql("INSERT INTO bag VALUES (1, 'x', 10), (1, 'x', 20), (1, 'x', 20), (2, 'y', 30)")
        let capture = try startCapture(["--tables", "bag,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 4 rows"), capture.stderr)
        try sql("INSERT INTO bag VALUES (1, 'x', 30)")
        try waitForMarker(1, capture: capture)
        let beforeDrop = try MultisetComparison.database(db, "bag")
        let dropTime = try serverNow()

        // Four rows (1, x) that differed only in c are now alike.
        try sql("ALTER TABLE bag DROP COLUMN c")
        try sql("DELETE FROM bag WHERE ctid = (SELECT ctid FROM bag WHERE a = 1 LIMIT 1)")
        try sql("UPDATE bag SET b = 'z' WHERE ctid = (SELECT ctid FROM bag WHERE a = 1 LIMIT 1)")
        try sql("INSERT INTO bag VALUES (1, 'x')")
        try sql("DELETE FROM bag WHERE a = 2")
        try waitForMarker(2, capture: capture)
        let afterDrop = try MultisetComparison.database(db, "bag")
        XCTAssertEqual(afterDrop, ["1|x": 3, "1|z": 1])
        XCTAssertEqual(try MultisetComparison.recording(recording, "bag", columns: ["a", "b"]).rows, afterDrop)
        XCTAssertEqual(try MultisetComparison.recording(recording, "bag", at: dropTime, columns: ["a", "b", "c"]).rows, beforeDrop)

        // A restart picks the rows up over the columns the table has now.
        capture.kill()
        try sql("DELETE FROM bag WHERE ctid = (SELECT ctid FROM bag WHERE b = 'x' LIMIT 1)")
        try capture.restart()
        try waitForMarker(3, capture: capture)
        try sql("ALTER TABLE bag ADD COLUMN d int")
        // New rows alike in a and b but not in d, beside rows that have no d.
        try sql("INSERT INTO bag VALUES (1, 'x', 5), (1, 'x', 5), (1, 'z', NULL)")
        try sql("DELETE FROM bag WHERE ctid = (SELECT ctid FROM bag WHERE d = 5 LIMIT 1)")
        try sql("UPDATE bag SET d = 7 WHERE ctid = (SELECT ctid FROM bag WHERE d IS NULL AND b = 'x' LIMIT 1)")
        try sql("DELETE FROM bag WHERE ctid = (SELECT ctid FROM bag WHERE b = 'z' LIMIT 1)")
        try waitForMarker(4, capture: capture)
        let afterAdd = try MultisetComparison.database(db, "bag")
        XCTAssertEqual(afterAdd, ["1|x|NULL": 1, "1|x|7": 1, "1|x|5": 1, "1|z|NULL": 1])
        XCTAssertEqual(try MultisetComparison.recording(recording, "bag", columns: ["a", "b", "d"]).rows, afterAdd)

        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
        XCTAssertFalse(capture.stderr.contains("was not recorded"), capture.stderr)
        let store = try SQLiteRecordingStore(openingAt: recording)
        XCTAssertEqual(try store.summary().unseenRowEvents, 0, "changes of rows the recording never saw")
        store.close()
    }

    /// A user column named like the copy-number column is refused in one sentence, at the start
    /// and when it is added while capturing.
    func testAColumnNamedLikeTheCopyNumberIsRefused() throws {
        try sql("CREATE TABLE clash (a int, \"(copy)\" int); ALTER TABLE clash REPLICA IDENTITY FULL")
        // Started as a capture, so that one which does not refuse is stopped by the test's end.
        let refused = try startCapture(["--tables", "clash"], name: "refused")
        XCTAssertEqual(refused.waitForExit(timeout: 60), 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Table public.clash has no primary key and a column named (copy)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("rename that column or give the table a primary key"), refused.stderr)

        try sql("CREATE TABLE bag (a int); ALTER TABLE bag REPLICA IDENTITY FULL; INSERT INTO bag VALUES (1)")
        let capture = try startCapture(["--tables", "bag,marker", "--slot", "other", "--publication", "other"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 1 row"), capture.stderr)
        try sql("ALTER TABLE bag ADD COLUMN \"(copy)\" int; INSERT INTO bag VALUES (1, 1)")
        XCTAssertEqual(capture.waitForExit(timeout: 60), 1, capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Table public.bag has no primary key and a column named (copy)"), capture.stderr)
        XCTAssertEqual(try MultisetComparison.recording(recording, "bag").rows, ["1": 1], "the rows recorded before stay")
    }
}
