import Foundation
import MSRTestSupport
import XCTest

/// `msr ingest debezium` as a user runs it: exit statuses, stdin, rejects, a killed writer.
final class IngestCLITests: XCTestCase {
    static func line(_ op: String, id: Int, name: String, ms: Int64, lsn: Int64) -> String {
        let image = "{\"id\":\(id),\"name\":\"\(name)\"}"
        let before = op == "c" ? "null" : image
        let after = op == "d" ? "null" : image
        return "{\"before\":\(before),\"after\":\(after),\"source\":{\"schema\":\"public\",\"table\":\"units\",\"ts_ms\":\(ms),\"lsn\":\(lsn),\"snapshot\":false},\"op\":\"\(op)\",\"ts_ms\":\(ms)}"
    }

    func testExitStatusesAndRejects() throws {
        let dir = TemporaryDirectory()
        let good = dir.path("good.ndjson")
        try ([Self.line("c", id: 1, name: "a", ms: 1000, lsn: 1), Self.line("u", id: 1, name: "b", ms: 2000, lsn: 2)]
            .joined(separator: "\n") + "\n").write(toFile: good, atomically: true, encoding: .utf8)
        let rec = dir.path("r.msr")
        let ok = try MSRBinary.run(["ingest", "debezium", good, "--into", rec])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stderr.contains("2 events recorded"), ok.stderr)

        let bad = Self.line("c", id: 2, name: "c", ms: 3000, lsn: 3) + "\n{not json\n" + Self.line("d", id: 1, name: "b", ms: 4000, lsn: 4) + "\n"
        let partial = try MSRBinary.run(["ingest", "debezium", "-", "--into", rec], input: bad)
        XCTAssertEqual(partial.status, 2, partial.stderr)
        XCTAssertTrue(partial.stderr.contains("stdin:2:"), partial.stderr)
        let rejects = try String(contentsOfFile: rec + ".rejects.ndjson", encoding: .utf8)
        XCTAssertTrue(rejects.contains("{not json"), rejects)
        let state = try MSRBinary.run(["state", rec, "--table", "units", "--at", "+10", "--format", "csv"])
        XCTAssertEqual(state.stdout, "id,name\n2,c\n")

        let fatal = try MSRBinary.run(["ingest", "debezium", dir.path("nope.ndjson"), "--into", rec])
        XCTAssertEqual(fatal.status, 1)
    }

    /// A writer killed at any moment leaves a recording that opens and holds every event of
    /// the batches it committed, consistent with itself.
    func testKilledWriterLeavesAnOpenableRecording() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("k.msr")
        for delay in [0.8, 1.6, 2.4] {
            let p = try MSRBinary.start(["generate", "--out", out, "--events", "3000000", "--quiet", "--force"])
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let partial = out + ".partial"
            guard FileManager.default.fileExists(atPath: partial) else { continue }
            let info = try MSRBinary.run(["info", partial, "--json"])
            XCTAssertEqual(info.status, 0, info.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
            let events = try XCTUnwrap(json["events"] as? Int)
            XCTAssertEqual(events % 20_000, 0, "only whole batches: \(events)")
            if events > 0 {
                let count = try MSRBinary.run(["count", partial]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                XCTAssertEqual(Int(count), events)
                let last = try MSRBinary.run(["events", partial, "--from-offset", String(events - 1)]).stdout
                XCTAssertTrue(last.hasPrefix("{\"seq\":\(events),"), last)
                let state = try MSRBinary.run(["state", partial, "--table", "units", "--at", "+7200"])
                XCTAssertEqual(state.status, 0, state.stderr)
            }
        }
    }
}
