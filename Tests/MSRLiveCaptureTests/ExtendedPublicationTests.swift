import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// A `--tables` capture whose publication the user extended by hand restarts: the publication
/// holds at least the tables asked for, the extra ones are named, and they are recorded too
/// (their rows read like those of a table added while capturing).
final class ExtendedPublicationTests: LiveCaptureTestCase {
    func testRestartAcceptsAPublicationExtendedByHand() throws {
        try sql("""
            CREATE TABLE a (id int PRIMARY KEY, v text); CREATE TABLE extra (id int PRIMARY KEY, v text);
            INSERT INTO a VALUES (1, 'x'); INSERT INTO extra SELECT g, 'e' || g FROM generate_series(1, 5) g
            """)
        let capture = try startCapture(["--tables", "a,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 1 row of 2 tables"), capture.stderr)
        try waitForMarker(1, capture: capture)
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)

        try sql("ALTER PUBLICATION msr_rec ADD TABLE extra; UPDATE extra SET v = 'while down' WHERE id = 1")
        try capture.restart()
        XCTAssertTrue(capture.waitForStderr("Resuming from replication slot"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains(
            "Publication msr_rec also publishes public.extra, added by hand besides --tables; its changes are recorded too."),
            capture.stderr)
        XCTAssertFalse(capture.stderr.contains("exists and publishes"), capture.stderr)
        try sql("UPDATE extra SET v = 'resumed' WHERE id = 2; DELETE FROM extra WHERE id = 3; UPDATE a SET v = 'y'")
        try waitForMarker(2, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("extra", key: ["id"]), "the table added by hand")
        try assertRecording(at: nil, equals: try databaseTable("a", key: ["id"]), "the table asked for")
        let store = try SQLiteRecordingStore(openingAt: recording)
        XCTAssertEqual(try store.summary().unseenRowEvents, 0, "changes of rows the recording never saw")
        store.close()
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)

        // A publication that lacks a table asked for is still refused.
        try sql("ALTER PUBLICATION msr_rec DROP TABLE a")
        let refused = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording, "--tables", "a,marker"])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Publication msr_rec exists and publishes"), refused.stderr)
    }
}
