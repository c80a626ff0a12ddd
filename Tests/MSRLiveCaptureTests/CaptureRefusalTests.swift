import Foundation
import MSRTestSupport
import XCTest

/// What `msr capture postgres` refuses, and how it says so: with the fix to run, and never with
/// the password.
final class CaptureRefusalTests: LiveCaptureTestCase {
    func testTableWithoutKeyIsRefusedWithTheStatementToRun() throws {
        try sql("CREATE TABLE keyed (id int PRIMARY KEY); CREATE TABLE \"Log Lines\" (at timestamptz, line text)")
        let capture = try startCapture(["--tables", "keyed,\"Log Lines\""])
        XCTAssertEqual(capture.waitForExit(), 1)
        XCTAssertTrue(capture.stderr.contains("ALTER TABLE public.\"Log Lines\" REPLICA IDENTITY FULL;"), capture.stderr)
        // Refused before anything was created on the server.
        XCTAssertEqual(try sql("SELECT count(*) FROM pg_publication").rows.first?.first, "0")
        XCTAssertEqual(try sql("SELECT count(*) FROM pg_replication_slots").rows.first?.first, "0")

        // Following the advice makes it capturable; its key is then every column.
        try sql("ALTER TABLE \"Log Lines\" REPLICA IDENTITY FULL; INSERT INTO \"Log Lines\" VALUES ('2026-01-01Z', 'one'), ('2026-01-02Z', 'two')")
        try capture.restart()
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 2 rows"), capture.stderr)
        try sql("UPDATE \"Log Lines\" SET line = 'uno' WHERE line = 'one'; DELETE FROM \"Log Lines\" WHERE line = 'two'")
        try sql("INSERT INTO keyed VALUES (1)")
        try waitForMarkerViaKeyed(capture)
        try assertRecording(at: nil, equals: try databaseTable("\"Log Lines\"", key: ["at", "line"]), "after following the advice")
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }

    /// `marker` is not published here; the `keyed` row plays its part.
    private func waitForMarkerViaKeyed(_ capture: CaptureProcess) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try StateComparison.differences(recording: recording, at: nil, expected: try databaseTable("keyed", key: ["id"])).isEmpty { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("the keyed row was not recorded: \(capture.stderr)")
    }

    func testReplicaIdentityNothingOnAKeyedTableGetsTheDefaultHint() throws {
        try sql("CREATE TABLE quiet (id int PRIMARY KEY, v text); ALTER TABLE quiet REPLICA IDENTITY NOTHING")
        let r = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording, "--tables", "quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("REPLICA IDENTITY NOTHING"), r.stderr)
        XCTAssertTrue(r.stderr.contains("ALTER TABLE public.quiet REPLICA IDENTITY DEFAULT;"), r.stderr)
        XCTAssertFalse(r.stderr.contains("REPLICA IDENTITY FULL"), r.stderr)
    }

    /// A DSN libpq cannot read is named as the problem; no recording is left behind by a
    /// capture that could not start, while a recording that was there before stays.
    func testMalformedDSNSaysWhatIsWrongAndAFailedStartLeavesNoRecording() throws {
        let secret = "S3cret-\(UUID().uuidString.prefix(6))"
        let cases = [
            ("postgresql://\(server.user):\(secret)@127.0.0.1:notaport/db", "port 'notaport' is not a number"),
            ("host='127.0.0.1 password=\(secret)", "unterminated quoted string"),
            ("hots=127.0.0.1 password=\(secret)", "invalid connection option \"hots\""),
            ("postgresql://[::1", "IPv6 host address"),
        ]
        for (dsn, reason) in cases {
            let r = try MSRBinary.run(["capture", "postgres", "--dsn", dsn, "--into", recording, "--tables", "marker"])
            XCTAssertEqual(r.status, 1, dsn)
            XCTAssertTrue(r.stderr.contains("The --dsn cannot be read: "), r.stderr)
            XCTAssertTrue(r.stderr.contains(reason), r.stderr)
            XCTAssertFalse((r.stdout + r.stderr).contains(secret), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: recording), "a failed start left \(recording) behind")
        }
        let refused = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording, "--tables", "nosuch"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasPrefix("rec.msr") }, [],
                       "a refused capture left files behind")
    }

    func testBadPasswordIsReportedWithoutThePassword() throws {
        let wrong = "Wr0ng-pass-\(UUID().uuidString.prefix(6))"
        let forms = [
            "postgresql://\(server.user):\(wrong)@127.0.0.1:\(server.port)/\(server.database)",
            "host=127.0.0.1 port=\(server.port) user=\(server.user) password='\(wrong)' dbname=\(server.database)",
        ]
        for dsn in forms {
            let r = try MSRBinary.run(["capture", "postgres", "--dsn", dsn, "--into", recording, "--tables", "marker"])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stderr.contains("password authentication failed"), r.stderr)
            XCTAssertFalse((r.stdout + r.stderr).contains(wrong), r.stderr)
        }
    }

    func testUnknownTableMissingChoiceAndBadSlotName() throws {
        let unknown = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording, "--tables", "nosuch"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no table 'nosuch'"), unknown.stderr)
        let nothing = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording])
        XCTAssertEqual(nothing.status, 64)
        XCTAssertTrue(nothing.stderr.contains("--tables a,b or --publication P"), nothing.stderr)
        let slot = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording, "--tables", "marker", "--slot", "Bad-Slot"])
        XCTAssertEqual(slot.status, 64)
        let missing = try MSRBinary.run(["capture", "postgres", "--dsn", server.uri, "--into", recording, "--publication", "nopub"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("Publication nopub does not exist"), missing.stderr)
        for r in [unknown, nothing, slot, missing] { XCTAssertFalse((r.stdout + r.stderr).contains(server.password)) }
    }

    func testExistingPublicationIsCapturedAsItIs() throws {
        try sql("CREATE TABLE a (id int PRIMARY KEY, v text); CREATE PUBLICATION mine FOR TABLE a, marker; INSERT INTO a VALUES (1, 'x')")
        let mismatch = try MSRBinary.run(["capture", "postgres", "--dsn", server.keywordDSN, "--into", recording,
                                          "--publication", "mine", "--tables", "a"])
        XCTAssertEqual(mismatch.status, 1)
        XCTAssertTrue(mismatch.stderr.contains("Publication mine exists and publishes public.a, public.marker"), mismatch.stderr)
        let capture = try startCapture(["--publication", "mine", "--slot", "my_slot"], dsn: server.keywordDSN)
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 1 row of 2 tables"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Using publication mine"), capture.stderr)
        try sql("UPDATE a SET v = 'y'")
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("a", key: ["id"]), "an existing publication")
        XCTAssertEqual(capture.stop(SIGINT), 0)
        XCTAssertFalse(capture.stderr.contains(server.password))
    }
}
