import Foundation
import MSRTestSupport
import XCTest

/// The reject file of `msr ingest debezium`: each run appends after a header line of its own,
/// earlier rejects are never lost, and a reject file that cannot be written costs nothing valid.
final class RejectFileCLITests: XCTestCase {
    private func input(_ dir: TemporaryDirectory, _ name: String, bad: String) throws -> String {
        let path = dir.path(name)
        let lines = [IngestCLITests.line("c", id: 1, name: "a", ms: 1000, lsn: 1), bad, IngestCLITests.line("u", id: 1, name: "b", ms: 2000, lsn: 2)]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func testLaterRunsAppendAfterAHeaderAndEarlierRejectsStay() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        // Whatever was there before, a user's note included, stays at the top.
        try "a note of my own\n".write(toFile: rec + ".rejects.ndjson", atomically: false, encoding: .utf8)
        let first = try input(dir, "first.ndjson", bad: "{first bad")
        XCTAssertEqual(try MSRBinary.run(["ingest", "debezium", first, "--into", rec, "--quiet"]).status, 2)
        let second = try input(dir, "second.ndjson", bad: "{second bad")
        XCTAssertEqual(try MSRBinary.run(["ingest", "debezium", second, "-", "--into", rec, "--quiet"], input: "{third bad\n").status, 2)
        // A clean run leaves the file as it is.
        let clean = dir.path("clean.ndjson")
        try IngestCLITests.line("c", id: 2, name: "c", ms: 3000, lsn: 3).write(toFile: clean, atomically: false, encoding: .utf8)
        XCTAssertEqual(try MSRBinary.run(["ingest", "debezium", clean, "--into", rec, "--quiet"]).status, 0)

        let text = try String(contentsOfFile: rec + ".rejects.ndjson", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("a note of my own\n"), text)
        let lines = try text.split(separator: "\n").dropFirst().map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(lines.count, 5, "\(lines)")
        XCTAssertEqual(lines[0]["inputs"] as? [String], [first])
        XCTAssertEqual(lines[1]["input"] as? String, "{first bad")
        XCTAssertEqual(lines[2]["inputs"] as? [String], [second, "stdin"])
        XCTAssertEqual(lines[3]["input"] as? String, "{second bad")
        XCTAssertEqual(lines[4]["input"] as? String, "{third bad")
        let times = try [lines[0], lines[2]].map { try XCTUnwrap($0["run"] as? String) }
        XCTAssertTrue(times.allSatisfy { $0.hasPrefix("20") && $0.hasSuffix("Z") }, "\(times)")
        XCTAssertLessThanOrEqual(times[0], times[1])
    }

    /// A full device behind the reject file: the ingest says so in one sentence, exits 2 and
    /// keeps every valid line.
    func testAnUnwritableRejectFileIsReportedAndTheDataKept() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        try FileManager.default.createSymbolicLink(atPath: rec + ".rejects.ndjson", withDestinationPath: "/dev/full")
        let r = try MSRBinary.run(["ingest", "debezium", try input(dir, "in.ndjson", bad: "{bad"), "--into", rec, "--quiet"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        let said = r.stderr.split(separator: "\n").filter { $0.contains("reject file could not be written") }
        XCTAssertEqual(said.count, 1, r.stderr)
        XCTAssertTrue(said[0].contains("No space left on device"), r.stderr)
        XCTAssertEqual(try MSRBinary.run(["state", rec, "--table", "units", "--at", "+10", "--format", "csv"]).stdout, "id,name\n1,b\n")
    }

    /// The same when the disk fills while the reject file is written (a file-size limit stands
    /// in for it: the recording fits, the long refused line does not).
    func testARejectFileCutShortByTheDiskIsReported() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let long = "{" + String(repeating: "x", count: 3 << 20)
        let path = try input(dir, "in.ndjson", bad: long)
        let limited = "ulimit -f 2048; trap '' XFSZ; exec \"$0\" \"$@\""
        let r = try MSRBinary.runProgram("/bin/sh", ["-c", limited, MSRBinary.path, "ingest", "debezium", path, "--into", rec, "--quiet"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("reject file could not be written"), r.stderr)
        XCTAssertEqual(try MSRBinary.run(["state", rec, "--table", "units", "--at", "+10", "--format", "csv"]).stdout, "id,name\n1,b\n")
    }
}
