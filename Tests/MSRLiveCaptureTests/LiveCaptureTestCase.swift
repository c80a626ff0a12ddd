import Foundation
import MSREngine
import MSRModel
import MSRPostgresClient
import MSRStore
import MSRTestSupport
import XCTest

/// The shared set-up of the live capture tests: a PostgreSQL server of the test's own, a
/// temporary directory, a SQL connection, and the captures it started — all stopped and removed
/// afterwards, whether the test passed or not. Every capture's output is checked for the
/// DSN's password.
class LiveCaptureTestCase: XCTestCase {
    var server: PostgresServer!
    var directory: TemporaryDirectory!
    var db: PostgresConnection!
    var captures: [CaptureProcess] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard PostgresServer.isInstalled else {
            throw XCTSkip("PostgreSQL 15 server programs are not installed (make deps installs them).")
        }
        directory = TemporaryDirectory("msr-live")
        server = try PostgresServer()
        try connect()
        try sql("CREATE TABLE marker (id int PRIMARY KEY)")
    }

    override func tearDownWithError() throws {
        for c in captures {
            c.kill()
            let said = c.stdout + c.stderr
            if let server { XCTAssertFalse(said.contains(server.password), "the capture printed the DSN's password") }
        }
        captures.removeAll()
        db = nil
        server?.stop()
        server = nil
        directory = nil
        try super.tearDownWithError()
    }

    var recording: String { directory.path("rec.msr") }

    /// Opens the test's SQL connection (again, after a server restart).
    func connect() throws {
        db = try PostgresConnection(ConnectionString(server.uri))
    }

    @discardableResult
    func sql(_ text: String) throws -> PostgresResult {
        try db.execute(text)
    }

    /// Starts `msr capture postgres --dsn URI --into REC ARGS`.
    func startCapture(_ args: [String], dsn: String? = nil, name: String = "capture") throws -> CaptureProcess {
        let c = try CaptureProcess(["--dsn", dsn ?? server.uri, "--into", recording] + args, in: directory, name: name)
        captures.append(c)
        return c
    }

    /// The server's clock now: a moment to ask the recording about.
    func serverNow() throws -> Timestamp {
        let text = try sql("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::int8").rows.first?.first ?? nil
        return Timestamp(micros: Int64(text ?? "") ?? 0)
    }

    /// Inserts marker row `id` and waits until the recording holds it: everything committed
    /// before it is recorded too, since transactions are recorded in commit order.
    func waitForMarker(_ id: Int, capture: CaptureProcess, timeout: Double = 90) throws {
        try sql("INSERT INTO marker VALUES (\(id))")
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try recordingHasMarker(id) { return }
            if !capture.isRunning { XCTFail("the capture exited: \(capture.stderr)"); return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("marker \(id) not recorded within \(timeout) s; capture said: \(capture.stderr.suffix(2000))")
    }

    func recordingHasMarker(_ id: Int) throws -> Bool {
        guard FileManager.default.fileExists(atPath: recording) else { return false }
        let store = try SQLiteRecordingStore(openingAt: recording)
        defer { store.close() }
        let engine = try Reconstructor(store: store)
        guard let marker = engine.summary.tables.first(where: { $0.name.name == "marker" }) else { return false }
        return try engine.state(of: marker, at: Timestamp(micros: Int64.max))[RowKey([.int(Int64(id))])] != nil
    }

    /// The database's rows of `table` now.
    func databaseTable(_ table: String, key: [String]) throws -> DatabaseTable {
        try DatabaseTable.read(db, table, key: key)
    }

    /// Fails with the differences between the recording (at `time`) and `expected`.
    func assertRecording(at time: Timestamp?, equals expected: DatabaseTable, _ moment: String,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let diffs = try StateComparison.differences(recording: recording, at: time, expected: expected)
        XCTAssertTrue(diffs.isEmpty, "\(moment): " + diffs.joined(separator: "; "), file: file, line: line)
    }

    /// Every event of the recording, in order.
    func allEvents() throws -> (events: [ChangeEvent], tables: [TableSchema]) {
        let store = try SQLiteRecordingStore(openingAt: recording)
        defer { store.close() }
        let summary = try store.summary()
        var out: [ChangeEvent] = []
        var from: Int64 = 1
        while from <= summary.lastSeq {
            let to = min(summary.lastSeq, from + 49_999)
            out += try store.events(in: from...to, table: nil)
            from = to + 1
        }
        return (out, summary.tables)
    }
}
