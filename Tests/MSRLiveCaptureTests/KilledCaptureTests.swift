import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// pgbench load while the capture is killed with SIGKILL at random moments and restarted:
/// afterwards the recording equals the database, and no change is recorded twice.
final class KilledCaptureTests: LiveCaptureTestCase {
    let pgbenchTables: [(name: String, key: [String])] = [
        ("pgbench_accounts", ["aid"]), ("pgbench_branches", ["bid"]), ("pgbench_tellers", ["tid"]),
        ("pgbench_history", ["tid", "bid", "aid", "delta", "mtime", "filler"]),
    ]

    func testKilledAndRestartedUnderLoadLosesNothingAndDuplicatesNothing() throws {
        try server.client("pgbench", ["-i", "-s", "1", "-q"])
        // pgbench_history has no primary key: with REPLICA IDENTITY FULL every column is its key.
        try sql("ALTER TABLE pgbench_history REPLICA IDENTITY FULL")
        let capture = try startCapture(["--tables", "pgbench_accounts,pgbench_branches,pgbench_tellers,pgbench_history,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 100011 rows", timeout: 120), capture.stderr)

        let seconds = 8
        let loadStart = Date()
        let bench = try server.startClient("pgbench", ["-c", "2", "-j", "2", "-T", "\(seconds)", "-n"],
                                           output: directory.url.appendingPathComponent("pgbench.out"))
        defer { if bench.isRunning { bench.terminate() } }
        var random = SeededRandom(seed: UInt64(Date().timeIntervalSince1970))
        var kills = 0
        while bench.isRunning, kills < 3 {
            Thread.sleep(forTimeInterval: 0.8 + Double(random.next() % 1200) / 1000)
            guard bench.isRunning else { break }
            capture.kill()
            kills += 1
            try capture.restart()
        }
        bench.waitUntilExit()
        XCTAssertEqual(bench.terminationStatus, 0, (try? String(contentsOf: directory.url.appendingPathComponent("pgbench.out"), encoding: .utf8)) ?? "")
        XCTAssertGreaterThanOrEqual(kills, 2, "pgbench ended before the capture could be killed")
        try waitForMarker(1, capture: capture, timeout: 180)
        let caughtUp = Date()

        for t in pgbenchTables {
            try assertRecording(at: nil, equals: try databaseTable(t.name, key: t.key), "after \(kills) kills")
        }
        let (events, tables) = try allEvents()
        let streamed = try checkNothingTwice(events, tables)
        let throughput = Double(streamed) / caughtUp.timeIntervalSince(loadStart)
        let tps = (try? String(contentsOf: directory.url.appendingPathComponent("pgbench.out"), encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("tps") } ?? "?"
        print("pgbench \(tps); \(streamed) changes captured through \(kills) kills in \(String(format: "%.1f", caughtUp.timeIntervalSince(loadStart))) s: \(Int(throughput)) events/s including restarts")
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
        XCTAssertTrue(capture.stderr.contains("Resuming from replication slot"), capture.stderr)
        XCTAssertTrue(capture.stderr.contains(" events/s, lag "), "no progress line: \(capture.stderr)")
    }

    /// No (table, key, position, operation) twice, and every pgbench transaction recorded exactly
    /// once: one history insert and one update each of accounts, tellers and branches.
    private func checkNothingTwice(_ events: [ChangeEvent], _ tables: [TableSchema]) throws -> Int {
        struct Identity: Hashable { var table: TableID; var key: RowKey; var position: SourcePosition?; var op: MSRModel.Operation }
        var seen = Set<Identity>()
        var duplicates = 0
        var counts: [String: Int] = [:]
        for e in events {
            if !seen.insert(Identity(table: e.table, key: e.key, position: e.position, op: e.op)).inserted { duplicates += 1 }
            if e.op != .read, let name = tables.first(where: { $0.id == e.table })?.name.name {
                counts["\(name) \(e.op.name)", default: 0] += 1
            }
        }
        XCTAssertEqual(duplicates, 0, "events recorded twice")
        let history = Int(try sql("SELECT count(*) FROM pgbench_history").rows.first?.first.flatMap { $0 } ?? "") ?? -1
        XCTAssertGreaterThan(history, 1000)
        XCTAssertEqual(counts["pgbench_history insert"], history)
        XCTAssertEqual(counts["pgbench_accounts update"], history)
        XCTAssertEqual(counts["pgbench_tellers update"], history)
        XCTAssertEqual(counts["pgbench_branches update"], history)
        let store = try SQLiteRecordingStore(openingAt: recording)
        defer { store.close() }
        XCTAssertEqual(try store.summary().unseenRowEvents, 0, "updates of rows the snapshot did not hold")
        return counts.values.reduce(0, +)
    }
}
