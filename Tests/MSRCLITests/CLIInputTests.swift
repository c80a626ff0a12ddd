import Foundation
import MSRTestSupport
import XCTest

/// What a user types that msr cannot take: numbers out of range, empty paths, text from a
/// source with terminal controls in it. One sentence, a documented status, never a crash.
final class CLIInputTests: XCTestCase {
    static let dir = TemporaryDirectory("msr-cli-input")
    static var recording: String { dir.path("ex.msr") }

    override class func setUp() {
        super.setUp()
        if !FileManager.default.fileExists(atPath: recording) {
            _ = try? MSRBinary.run(["generate", "--out", recording, "--events", "2000", "--seed", "5", "--quiet"])
        }
    }

    func testHugeOffsetsGiveNothingInsteadOfACrash() throws {
        for offset in ["9223372036854775807", "9223372036854775806", "2001"] {
            let count = try MSRBinary.run(["count", Self.recording, "--from-offset", offset])
            XCTAssertEqual(count.status, 0, count.stderr)
            XCTAssertEqual(count.stdout, "0\n")
            let events = try MSRBinary.run(["events", Self.recording, "--from-offset", offset])
            XCTAssertEqual(events.status, 0, events.stderr)
            XCTAssertEqual(events.stdout, "")
        }
        XCTAssertEqual(try MSRBinary.run(["count", Self.recording, "--from-offset", "1999"]).stdout, "1\n")
    }

    /// Output to a full disk ends `msr events` in a sentence, not a crash.
    func testEventsToAFullDiskSaySo() throws {
        let r = try MSRBinary.runProgram("/bin/sh", ["-c", "exec \"$0\" events \"$1\" > /dev/full", MSRBinary.path, Self.recording])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "msr: Cannot write the events to standard output: No space left on device.\n")
    }

    /// A message that cannot be written (stderr on a full disk) still ends with status 1.
    func testAnUnwritableStderrDoesNotCrash() throws {
        let r = try MSRBinary.runProgram("/bin/sh", ["-c", "\"$0\" info \"$1\" 2>/dev/full; echo \"status $?\"", MSRBinary.path,
                                                    Self.dir.path("missing.msr")])
        XCTAssertEqual(r.stdout, "status 1\n")
    }

    /// Numbers beyond what msr can use are refused when the command line is read (status 64),
    /// in a sentence that gives the range.
    func testNumbersOutOfRangeAreRefusedWithTheirRange() throws {
        let dir = TemporaryDirectory()
        let cases: [([String], String)] = [
            (["open", Self.recording, "--headless", "--script", "/dev/null", "--size", "100000x100000"], "at most 1000x500"),
            (["open", Self.recording, "--headless", "--script", "/dev/null", "--size", "0x10"], "COLSxROWS"),
            (["open", Self.recording, "--max-sessions", "9223372036854775807"], "1 to 64"),
            (["events", Self.recording, "--rate", "1e-300"], "0.001 to"),
            (["events", Self.recording, "--rate", "nan"], "0.001 to"),
            (["generate", "--out", dir.path("g.msr"), "--events", "9223372036854775807"], "1 to 1000000000"),
            (["demo", "--events", "0"], "1 to 1000000000"),
            (["ingest", "debezium", "-", "--into", dir.path("i.msr"), "--keyframe-interval", "9223372036854775807"], "1 to 1000000"),
            (["capture", "nats", "--server", "nats://127.0.0.1:1", "--stream", "S", "--subject", "s", "--into", dir.path("n.msr"),
              "--ack-wait", "inf"], "1 to 86400"),
            (["capture", "nats", "--server", "nats://127.0.0.1:1", "--stream", "S", "--subject", "s", "--into", dir.path("n.msr"),
              "--batch", "9223372036854775807"], "1 to 100000"),
        ]
        for (args, range) in cases {
            let r = try MSRBinary.run(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(range), "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("g.msr")))
    }

    func testEmptyPathsAreRefusedInASentence() throws {
        let out = try MSRBinary.run(["generate", "--out", ""])
        XCTAssertEqual(out.status, 64, out.stderr)
        XCTAssertTrue(out.stderr.contains("--out needs a file name"), out.stderr)
        let noFolder = try MSRBinary.run(["generate", "--out", "/nonexistent-msr-folder/x.msr", "--events", "10"])
        XCTAssertEqual(noFolder.stderr, "msr: There is no folder /nonexistent-msr-folder to write /nonexistent-msr-folder/x.msr in; create it or choose another --out.\n")
        for args in [["info", ""], ["ingest", "debezium", "", "--into", Self.dir.path("e.msr")]] {
            let r = try MSRBinary.run(args)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("msr: ") && r.stderr.contains("empty"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
    }

    /// Table and column names, values and rejected lines holding escape sequences (one sets
    /// the terminal's title) reach the terminal with their controls shown, not obeyed; CSV and
    /// NDJSON keep every byte.
    func testTerminalControlsFromASourceAreShownNotSent() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("esc.msr")
        func line(_ op: String, _ name: String, _ ms: Int) -> String {
            let image = "{\"id\":1,\"na\\u001b]0;pwned\\u0007me\":\"\(name)\"}"
            return "{\"before\":\(op == "c" ? "null" : image),\"after\":\(image),\"source\":{\"schema\":\"public\","
                + "\"table\":\"un\\u001b[2Jits\",\"ts_ms\":\(ms),\"lsn\":\(ms)},\"op\":\"\(op)\",\"ts_ms\":\(ms)}"
        }
        // A table without a key is refused with its name in the reason.
        let keyless = "{\"before\":null,\"after\":{\"code\":\"X\"},\"source\":{\"schema\":\"public\",\"table\":\"co\\u001b]0;t\\u0007des\","
            + "\"ts_ms\":1500,\"lsn\":1500},\"op\":\"c\",\"ts_ms\":1500}"
        let input = [line("c", "a\\u001b[31mred", 1000), "{\u{1B}]0;bad line title\u{07}", keyless, line("u", "b", 2000)]
            .joined(separator: "\n") + "\n"
        let ingest = try MSRBinary.run(["ingest", "debezium", "-", "--into", rec], input: input)
        XCTAssertEqual(ingest.status, 2, ingest.stderr)
        let table = "public.un\u{1B}[2Jits"
        let human: [(String, MSRBinary.Result)] = [
            ("ingest", ingest),
            ("info", try MSRBinary.run(["info", rec])),
            ("state", try MSRBinary.run(["state", rec, "--table", table, "--at", "+0"])),
            ("diff", try MSRBinary.run(["diff", rec, "--table", table, "--from", "+0", "--to", "+1"])),
            ("error", try MSRBinary.run(["state", rec, "--table", "nosuch", "--at", "+0"])),
            ("bookmark", try MSRBinary.run(["bookmark", rec, "--at", "+0", "--label", "x\u{1B}]0;t\u{07}"])),
        ]
        for (what, r) in human {
            for text in [r.stdout, r.stderr] {
                XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" }, "\(what): \(text.debugDescription)")
            }
            XCTAssertTrue((r.stdout + r.stderr).contains("␛"), "\(what) shows the escape visibly: \((r.stdout + r.stderr).debugDescription)")
        }
        let ndjson = try MSRBinary.run(["state", rec, "--table", table, "--at", "+10", "--format", "ndjson"])
        XCTAssertEqual(ndjson.stdout, "{\"id\":1,\"na\\u001b]0;pwned\\u0007me\":\"b\"}\n")
        let csv = try MSRBinary.run(["state", rec, "--table", table, "--at", "+0", "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("id,na\u{1B}]0;pwned\u{07}me\n1,a\u{1B}[31mred\n"), csv.stdout.debugDescription)
        let json = try MSRBinary.run(["info", rec, "--json"])
        XCTAssertTrue(json.stdout.contains("\"public.un\\u001b[2Jits\""), json.stdout)
    }
}
