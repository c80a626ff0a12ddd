import Foundation
import MSRModel
import MSRPostgresClient
import MSRStore
import MSRTestSupport
import XCTest

/// The initial snapshot: stamped at the slot's consistent point, taken once, and marked as
/// incomplete while it is.
final class SnapshotTests: LiveCaptureTestCase {
    /// A transaction open when the capture starts holds the slot's creation until it commits;
    /// the snapshot holds its rows, so the snapshot cannot be older than that commit.
    func testSnapshotIsNotStampedBeforeATransactionItHolds() throws {
        try sql("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'before')")
        let open = try PostgresConnection(ConnectionString(server.uri))
        try open.execute("BEGIN; INSERT INTO t VALUES (2, 'open when capture started')")
        let capture = try startCapture(["--tables", "t,marker"])
        XCTAssertTrue(capture.waitForStderr("Created publication"), capture.stderr)
        // The slot waits for the open transaction: nothing has been snapshotted yet.
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertFalse(capture.stderr.contains("Initial snapshot"), capture.stderr)
        let beforeCommit = try serverNow()
        try open.execute("COMMIT")
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 2 rows"), capture.stderr)
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("t", key: ["id"]), "at the end")
        let early = try MultisetComparison.recording(recording, "t", at: beforeCommit).rows
        XCTAssertEqual(early, [:], "the snapshot's rows show before the transaction they hold committed")
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }

    /// A capture killed after dropping a half-snapshotted slot, before it took that snapshot
    /// out of the recording: the next run takes it out, and the snapshot is in the recording once.
    func testHalfSnapshotLeftBehindAfterTheSlotWasDroppedIsTakenOut() throws {
        try sql("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 50) g")
        let capture = try startCapture(["--tables", "t,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 50 rows"), capture.stderr)
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
        // As a kill leaves it: the snapshot marked as begun, the slot already dropped.
        do {
            let store = try SQLiteRecordingStore(openingAt: recording, writable: true)
            defer { store.close() }
            try store.setMetaValue("postgres.snapshot", "started:1")
        }
        try sql("SELECT pg_drop_replication_slot('msr_rec')")

        let info = try MSRBinary.run(["info", recording])
        XCTAssertTrue(info.stdout.contains("initial snapshot incomplete"), info.stdout)
        let state = try MSRBinary.run(["state", recording, "--table", "t", "--at", "+0"])
        XCTAssertTrue(state.stderr.contains("initial snapshot is incomplete"), state.stderr)

        try capture.restart()
        let deadline = Date().addingTimeInterval(60)
        while capture.stderr.components(separatedBy: "Initial snapshot: 50 rows").count < 3, capture.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertTrue(capture.stderr.contains("was interrupted; taking it again"), capture.stderr)
        try waitForMarker(1, capture: capture)
        let (events, _) = try allEvents()
        XCTAssertEqual(events.filter { $0.op == .read }.count, 50, "the snapshot is in the recording more than once")
        XCTAssertEqual(events.filter { $0.op == .truncate }.count, 0)
        try assertRecording(at: nil, equals: try databaseTable("t", key: ["id"]), "after the snapshot was taken again")
        let after = try MSRBinary.run(["info", recording])
        XCTAssertFalse(after.stdout.contains("initial snapshot incomplete"), after.stdout)
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
