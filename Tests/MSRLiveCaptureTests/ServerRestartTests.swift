import Foundation
import MSRTestSupport
import XCTest

/// The server restarts under a running capture: the capture reconnects by itself, with backoff,
/// and goes on recording as if nothing happened.
final class ServerRestartTests: LiveCaptureTestCase {
    func testCaptureResumesAfterServerRestart() throws {
        try sql("CREATE TABLE tracks (id int PRIMARY KEY, pos text, n int); INSERT INTO tracks SELECT g, 'p' || g, 0 FROM generate_series(1, 20) g")
        let capture = try startCapture(["--tables", "tracks,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot"), capture.stderr)
        for i in 1...20 { try sql("UPDATE tracks SET n = n + 1, pos = 'q\(i)' WHERE id = \(i)") }

        db = nil
        try server.restart()
        try connect()
        for i in 21...40 { try sql("INSERT INTO tracks VALUES (\(i), 'new', \(i))") }
        try sql("DELETE FROM tracks WHERE id <= 5")
        try waitForMarker(1, capture: capture)

        XCTAssertTrue(capture.isRunning, "the capture gave up: \(capture.stderr)")
        XCTAssertTrue(capture.stderr.contains("Reconnecting in"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Reconnected; streaming from"), capture.stderr)
        try assertRecording(at: nil, equals: try databaseTable("tracks", key: ["id"]), "after a server restart")
        XCTAssertEqual(capture.stop(SIGINT), 0, capture.stderr)
    }
}
