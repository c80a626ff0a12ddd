import Foundation
import MSRStore
import MSRTestSupport
import XCTest

/// The recording's integrity as a user meets it: damage reported in one sentence, one writer
/// at a time, readers that see whole committed batches while an ingest runs.
final class IntegrityCLITests: XCTestCase {
    static func line(_ table: String, _ op: String, id: Int, name: String, ms: Int64, lsn: Int64) -> String {
        let image = "{\"id\":\(id),\"name\":\"\(name)\"}"
        let before = op == "c" ? "null" : image
        let after = op == "d" ? "null" : image
        return "{\"before\":\(before),\"after\":\(after),\"source\":{\"schema\":\"public\",\"table\":\"\(table)\",\"ts_ms\":\(ms),\"lsn\":\(lsn),\"snapshot\":false},\"op\":\"\(op)\",\"ts_ms\":\(ms)}"
    }

    /// `count` inserts and updates of `table` from time `from` (ms), one line each.
    static func lines(_ table: String, count: Int, from: Int64, lsn: Int64) -> String {
        (0..<count).map { i in
            line(table, i % 3 == 2 ? "u" : "c", id: i % 3 == 2 ? i - 1 : i, name: "n\(i)", ms: from + Int64(i), lsn: lsn + Int64(i))
        }.joined(separator: "\n") + "\n"
    }

    private func ingest(_ input: String, into rec: String) throws {
        let r = try MSRBinary.run(["ingest", "debezium", input, "--into", rec])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testDamagedEventsAreReportedByStateAndEvents() throws {
        let dir = TemporaryDirectory()
        let input = dir.path("in.ndjson")
        try Self.lines("units", count: 3000, from: 1_000_000, lsn: 1).write(toFile: input, atomically: true, encoding: .utf8)
        let rec = dir.path("r.msr")
        try ingest(input, into: rec)
        let db = try SQLiteDatabase(path: rec, create: false)
        // One byte of one stored after-image.
        let before = try db.query("SELECT hex(after) FROM events WHERE seq = 1500")
        try db.execute("""
            UPDATE events SET after = CAST(substr(after, 1, 3) || CASE WHEN substr(after, 4, 1) = x'00' THEN x'01' ELSE x'00' END
                || substr(after, 5) AS BLOB) WHERE seq = 1500
            """)
        let after = try db.query("SELECT hex(after) FROM events WHERE seq = 1500")
        guard case .string(let old)? = before.first?.first, case .string(let new)? = after.first?.first else { return XCTFail() }
        XCTAssertEqual(old.count, new.count)
        XCTAssertEqual(zip(old, new).filter { $0 != $1 }.count <= 2, true, "\(old) → \(new)")
        for args in [["state", rec, "--table", "units", "--at", "+3", "--format", "csv"], ["events", rec], ["events", rec, "--table", "units"]] {
            let r = try MSRBinary.run(args)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stdout.suffix(200))")
            XCTAssertTrue(r.stderr.contains("is damaged (event 1500 of table public.units does not match its checksum)"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertFalse(r.stdout.contains("\"seq\":1500,"), "the damaged event is never printed")
        }
    }

    func testACutRecordingIsReportedAsCutShort() throws {
        let dir = TemporaryDirectory()
        let input = dir.path("in.ndjson")
        try Self.lines("units", count: 3000, from: 1_000_000, lsn: 1).write(toFile: input, atomically: true, encoding: .utf8)
        let rec = dir.path("r.msr")
        try ingest(input, into: rec)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: rec))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: rec))
        for args in [["info", rec], ["state", rec, "--table", "units", "--at", "+3"], ["events", rec]] {
            let r = try MSRBinary.run(args)
            XCTAssertEqual(r.status, 1, r.stdout)
            XCTAssertTrue(r.stderr.contains("\(rec) is cut short (\(bytes.count / 2) bytes of the \(bytes.count)"), r.stderr)
            XCTAssertFalse(r.stderr.contains("not an msr recording"), r.stderr)
        }
    }

    func testAnUnreadableRecordingSaysPermissionDenied() throws {
        let dir = TemporaryDirectory()
        let input = dir.path("in.ndjson")
        try Self.lines("units", count: 10, from: 1_000_000, lsn: 1).write(toFile: input, atomically: true, encoding: .utf8)
        let rec = dir.path("r.msr")
        try ingest(input, into: rec)
        chmod(rec, 0)
        defer { chmod(rec, 0o644) }
        // Root reads any file: run msr as nobody then (the test machines run as root).
        let runuser = "/usr/sbin/runuser"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: runuser) else {
            throw XCTSkip("needs root and runuser to act as another user")
        }
        chmod(dir.url.path, 0o755)
        // The build folder may sit where nobody cannot reach it (a clone in a private temporary
        // folder): nobody runs a copy of the binary from the test's own folder.
        let binary = dir.path("msr")
        try FileManager.default.copyItem(atPath: MSRBinary.path, toPath: binary)
        chmod(binary, 0o755)
        let r = try MSRBinary.runProgram(runuser, ["-u", "nobody", "--", binary, "info", rec])
        XCTAssertEqual(r.status, 1, r.stdout)
        XCTAssertTrue(r.stderr.contains("Permission denied for \(rec)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("not an msr recording"), r.stderr)
    }

    /// The first ingest holds the recording (it waits on stdin with a batch committed); a
    /// second one is refused in one sentence and the first finishes whole.
    func testASecondIngestIsRefusedWhileOneWrites() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let first = Process()
        first.executableURL = URL(fileURLWithPath: MSRBinary.path)
        first.arguments = ["ingest", "debezium", "-", "--into", rec]
        let stdin = Pipe()
        first.standardInput = stdin
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        stdin.fileHandleForWriting.write(Data(Self.lines("units", count: 25_000, from: 1_000_000, lsn: 1).utf8))
        // Settled: the first batch is committed, so the writer holds the recording.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let c = try MSRBinary.run(["count", rec])
            if c.status == 0, (Int(c.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let other = dir.path("other.ndjson")
        try Self.lines("units", count: 100, from: 5_000_000, lsn: 900_000).write(toFile: other, atomically: true, encoding: .utf8)
        let second = try MSRBinary.run(["ingest", "debezium", other, "--into", rec])
        XCTAssertEqual(second.status, 1, second.stderr)
        XCTAssertTrue(second.stderr.contains("Another msr is writing to \(rec)"), second.stderr)
        XCTAssertFalse(second.stderr.contains("UNIQUE") || second.stderr.contains("SQLite"), second.stderr)
        stdin.fileHandleForWriting.write(Data(Self.lines("units", count: 5_000, from: 2_000_000, lsn: 500_000).utf8))
        try stdin.fileHandleForWriting.close()
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(try MSRBinary.run(["count", rec]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "30000")
        // Once it is done, the second goes in.
        XCTAssertEqual(try MSRBinary.run(["ingest", "debezium", other, "--into", rec]).status, 0)
        XCTAssertEqual(try MSRBinary.run(["count", rec]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "30100")
    }

    /// `msr events` run again and again while ingests write (a new table appears, and late
    /// lines re-derive the stored tail): each run prints seqs 1…N once each, every table named.
    func testEventsWhileIngestingSeeWholeBatches() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let a = dir.path("a.ndjson"), b = dir.path("b.ndjson"), c = dir.path("c.ndjson")
        try Self.lines("units", count: 60_000, from: 1_000_000, lsn: 1).write(toFile: a, atomically: true, encoding: .utf8)
        // A new table, and lines that sort inside what a.ndjson stored: the tail is rewritten.
        try Self.lines("tracks", count: 30_000, from: 1_025_000, lsn: 2_000_000).write(toFile: b, atomically: true, encoding: .utf8)
        try Self.lines("alerts", count: 30_000, from: 1_015_000, lsn: 3_000_000).write(toFile: c, atomically: true, encoding: .utf8)
        let script = dir.path("ingest.sh")
        try """
            set -e
            "\(MSRBinary.path)" ingest debezium "\(a)" --into "\(rec)" --quiet
            "\(MSRBinary.path)" ingest debezium "\(b)" --into "\(rec)" --quiet
            "\(MSRBinary.path)" ingest debezium "\(c)" --into "\(rec)" --quiet
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [script]
        try writer.run()
        var runs = 0, whileWriting = 0
        var largest = 0
        repeat {
            let running = writer.isRunning
            let r = try MSRBinary.run(["events", rec])
            guard r.status == 0 else {
                // Before the first commit there is no recording yet; after it, every run reads.
                XCTAssertEqual(runs, 0, "a run failed once the recording existed: \(r.stderr)")
                continue
            }
            runs += 1
            if running { whileWriting += 1 }
            let lines = r.stdout.split(separator: "\n")
            XCTAssertFalse(r.stdout.contains("\"table\":\"?\""), "an event of a table the run did not know")
            for (i, line) in lines.enumerated() where !line.hasPrefix("{\"seq\":\(i + 1),") {
                XCTFail("run \(runs): line \(i + 1) is \(line.prefix(60))")
                break
            }
            largest = max(largest, lines.count)
        } while writer.isRunning
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationStatus, 0)
        let final = try MSRBinary.run(["events", rec]).stdout.split(separator: "\n")
        XCTAssertEqual(final.count, 120_000)
        XCTAssertGreaterThan(whileWriting, 0, "no run overlapped an ingest")
        print("events runs: \(runs), \(whileWriting) while ingesting, largest \(largest)")
    }
}
