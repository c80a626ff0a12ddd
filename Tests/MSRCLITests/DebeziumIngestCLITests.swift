import Foundation
import MSRTestSupport
import XCTest

/// `msr ingest debezium` on connector output as a user sees it: the summary, the help, events.
final class DebeziumIngestCLITests: XCTestCase {
    static let t0: Int64 = 1_772_360_100_000

    /// A MySQL connector event (the `source` members its documentation lists).
    static func mysql(_ op: String, _ image: String, tsMs: Int64, eventMs: Int64, pos: Int64, snapshot: String = "false") -> String {
        let source = #""version":"2.7.3.Final","connector":"mysql","name":"dbserver1","ts_ms":\#(tsMs),"snapshot":"\#(snapshot)","#
            + #""db":"inventory","sequence":null,"table":"customers","server_id":223344,"gtid":null,"file":"mysql-bin.000003","#
            + #""pos":\#(pos),"row":0,"thread":36,"query":null"#
        let before = op == "c" || op == "r" ? "null" : image
        let after = op == "d" ? "null" : image
        return #"{"before":\#(before),"after":\#(after),"source":{\#(source)},"op":"\#(op)","ts_ms":\#(eventMs),"transaction":null}"#
    }

    func testSummaryCountsSkippedTopicsAndTimesTakenFromTheEvent() throws {
        let dir = TemporaryDirectory()
        let input = dir.path("mysql.ndjson")
        let lines = [
            // A snapshot row: MySQL gives it source.ts_ms 0.
            Self.mysql("r", #"{"id":1,"email":"a@x"}"#, tsMs: 0, eventMs: Self.t0, pos: 154, snapshot: "last"),
            #"{"ts_ms":\#(Self.t0 + 500)}"#,
            Self.mysql("u", #"{"id":1,"email":"b@x"}"#, tsMs: Self.t0 + 1000, eventMs: Self.t0 + 1200, pos: 400),
            #"{"status":"END","id":"file=mysql-bin.000003,pos=400","ts_ms":\#(Self.t0 + 1000),"event_count":1,"data_collections":[]}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let rec = dir.path("r.msr")
        let run = try MSRBinary.run(["ingest", "debezium", input, "--into", rec])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("2 events recorded from 4 lines"), run.stderr)
        XCTAssertTrue(run.stderr.contains("2 skipped (1 heartbeat, 1 transaction)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("1 timed by when Debezium read them (source.ts_ms missing or 0)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("rejected"), run.stderr)

        let state = try MSRBinary.run(["state", rec, "--table", "inventory.customers", "--at", "2026-03-01T10:15:02Z", "--format", "csv"])
        XCTAssertEqual(state.stdout, "id,email\n1,b@x\n", state.stderr)
        let events = try MSRBinary.run(["events", rec])
        XCTAssertEqual(events.status, 0, events.stderr)
        XCTAssertTrue(events.stdout.contains("\"commit_time\":\"2026-03-01T10:15:00Z\""), events.stdout)
        XCTAssertTrue(events.stdout.contains("\"position\":\""), "a connector's position is written as text: \(events.stdout)")

        let again = try MSRBinary.run(["ingest", "debezium", input, "--into", rec])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("0 events recorded"), again.stderr)
    }

    func testHelpNamesKcat() throws {
        let help = try MSRBinary.run(["ingest", "debezium", "--help"])
        XCTAssertTrue(help.stdout.contains("kcat"), help.stdout)
        XCTAssertTrue(help.stdout.contains("-J"), help.stdout)
    }
}
