import Foundation
import MSRStore
import MSRTestSupport
import XCTest

/// msr never removes or overwrites what it did not make: every command that replaces or
/// removes a file, given a user's file or directory there, refuses in one sentence and leaves
/// it exactly as it was.
final class FileSafetyTests: XCTestCase {
    /// A directory holding files and a subdirectory, as a user's folder (or /tmp) would.
    private func userDirectory(in dir: TemporaryDirectory, _ name: String = "mine") throws -> String {
        let path = dir.path(name)
        try FileManager.default.createDirectory(atPath: path + "/nested", withIntermediateDirectories: true)
        for (file, text) in [("notes.txt", "keep me\n"), ("data.csv", "a,b\n1,2\n"), ("nested/deep.txt", "deep\n")] {
            try text.write(toFile: path + "/" + file, atomically: false, encoding: .utf8)
        }
        return path
    }

    private func assertUserDirectoryIntact(_ path: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try? String(contentsOfFile: path + "/notes.txt", encoding: .utf8), "keep me\n", file: file, line: line)
        XCTAssertEqual(try? String(contentsOfFile: path + "/data.csv", encoding: .utf8), "a,b\n1,2\n", file: file, line: line)
        XCTAssertEqual(try? String(contentsOfFile: path + "/nested/deep.txt", encoding: .utf8), "deep\n", file: file, line: line)
    }

    private func assertRefused(_ r: MSRBinary.Result, mentioning text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("msr: ") && r.stderr.contains(text), r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, file: file, line: line)
    }

    /// Runs `msr ARGS` with `XDG_CACHE_HOME` set, so the demo's cache is the test's.
    private func runWithCache(_ cache: String, _ args: [String], cwd: String? = nil) throws -> MSRBinary.Result {
        try MSRBinary.runProgram("/usr/bin/env", ["XDG_CACHE_HOME=\(cache)", MSRBinary.path] + args, cwd: cwd)
    }

    /// A recording whose meta says an earlier msr wrote it (format 2).
    private func olderRecording(_ path: String) throws {
        XCTAssertEqual(try MSRBinary.run(["generate", "--out", path, "--events", "500", "--quiet"]).status, 0)
        let db = try SQLiteDatabase(path: path, create: false)
        try db.execute("UPDATE meta SET value = '2' WHERE key = 'format_version'")
    }

    private func formatVersion(_ path: String) throws -> String? {
        try SQLiteDatabase(path: path, create: false).query("SELECT value FROM meta WHERE key = 'format_version'").first?.first?.description
    }

    func testDemoRefusesADirectoryAndLeavesItsFiles() throws {
        let dir = TemporaryDirectory()
        let mine = try userDirectory(in: dir)
        let r = try runWithCache(dir.path("cache"), ["demo", "--path", mine, "--events", "500"])
        assertRefused(r, mentioning: "is a directory")
        assertUserDirectoryIntact(mine)
    }

    func testDemoRefusesAPlainFileAndLeavesIt() throws {
        let dir = TemporaryDirectory()
        let plain = dir.path("plain.txt")
        try "my own text\n".write(toFile: plain, atomically: false, encoding: .utf8)
        let r = try runWithCache(dir.path("cache"), ["demo", "--path", plain, "--events", "500"])
        assertRefused(r, mentioning: "not an msr recording")
        XCTAssertEqual(try String(contentsOfFile: plain, encoding: .utf8), "my own text\n")
        let empty = dir.path("empty.msr")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: nil))
        assertRefused(try runWithCache(dir.path("cache"), ["demo", "--path", empty, "--events", "500"]), mentioning: "not an msr recording")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int, 0)
    }

    /// An older demo is made again only inside msr's own cache; elsewhere it is refused as is.
    func testDemoRenewsAnOlderRecordingOnlyInItsCache() throws {
        let dir = TemporaryDirectory()
        let cache = dir.path("cache")
        let outside = dir.path("old.msr")
        try olderRecording(outside)
        let refused = try runWithCache(cache, ["demo", "--path", outside, "--events", "500"])
        assertRefused(refused, mentioning: "earlier msr")
        XCTAssertEqual(try formatVersion(outside), "2")

        try FileManager.default.createDirectory(atPath: cache + "/msr", withIntermediateDirectories: true)
        let cached = cache + "/msr/demo-500.msr"
        try olderRecording(cached)
        let renewed = try runWithCache(cache, ["demo", "--events", "500"])
        XCTAssertEqual(renewed.status, 0, renewed.stderr)
        XCTAssertTrue(renewed.stderr.contains("earlier msr"), renewed.stderr)
        XCTAssertEqual(try formatVersion(cached), String(RecordingIdentity.currentFormatVersion))
        XCTAssertTrue(renewed.stdout.contains("events     500"), renewed.stdout)
    }

    func testDemoTakesARelativePath() throws {
        let dir = TemporaryDirectory()
        let r = try runWithCache(dir.path("cache"), ["demo", "--path", "rel.msr", "--events", "500"], cwd: dir.url.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(SQLiteRecordingStore.identify(dir.path("rel.msr")), .recording(formatVersion: RecordingIdentity.currentFormatVersion))
        let sub = try runWithCache(dir.path("cache"), ["demo", "--path", "sub/rel.msr", "--events", "500"], cwd: dir.url.path)
        XCTAssertEqual(sub.status, 0, sub.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("sub/rel.msr")))
    }

    func testGenerateForceReplacesOnlyARecording() throws {
        let dir = TemporaryDirectory()
        let mine = try userDirectory(in: dir)
        assertRefused(try MSRBinary.run(["generate", "--out", mine, "--events", "100", "--force"]), mentioning: "is a directory")
        assertUserDirectoryIntact(mine)
        let plain = dir.path("plain.msr")
        try "not a recording\n".write(toFile: plain, atomically: false, encoding: .utf8)
        assertRefused(try MSRBinary.run(["generate", "--out", plain, "--events", "100", "--force"]), mentioning: "replaces only a recording")
        XCTAssertEqual(try String(contentsOfFile: plain, encoding: .utf8), "not a recording\n")

        let rec = dir.path("r.msr")
        XCTAssertEqual(try MSRBinary.run(["generate", "--out", rec, "--events", "100", "--quiet"]).status, 0)
        let replaced = try MSRBinary.run(["generate", "--out", rec, "--events", "300", "--quiet", "--force"])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertEqual(try MSRBinary.run(["count", rec]).stdout, "300\n")
    }

    /// A `.partial` that is not a recording an earlier generate left is not msr's to remove.
    func testGenerateLeavesAUsersPartialFileAlone() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("x.msr")
        try "mine\n".write(toFile: out + ".partial", atomically: false, encoding: .utf8)
        assertRefused(try MSRBinary.run(["generate", "--out", out, "--events", "100"]), mentioning: "in the way")
        XCTAssertEqual(try String(contentsOfFile: out + ".partial", encoding: .utf8), "mine\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// A generate that fails part-way (here at a file-size limit, as on a full disk) removes
    /// the temporary files it made, and the recording it was to replace is untouched.
    func testFailedGenerateLeavesNothingBehind() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        XCTAssertEqual(try MSRBinary.run(["generate", "--out", rec, "--events", "1000", "--quiet"]).status, 0)
        let limited = "ulimit -f 400; trap '' XFSZ; exec \"$0\" \"$@\""
        for args in [["generate", "--out", rec, "--events", "200000", "--quiet", "--force"],
                     ["generate", "--out", dir.path("new.msr"), "--events", "200000", "--quiet"]] {
            let r = try MSRBinary.runProgram("/bin/sh", ["-c", limited, MSRBinary.path] + args)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        XCTAssertFalse(left.contains { $0.contains(".partial") || $0.hasPrefix("new.msr") }, "\(left)")
        XCTAssertEqual(try MSRBinary.run(["count", rec]).stdout, "1000\n")
    }

    /// A FIFO where a recording should be is refused at once, never opened (which would wait
    /// for a writer for ever).
    func testFIFOAtTheRecordingPathIsRefusedNotOpened() throws {
        let dir = TemporaryDirectory()
        let fifo = dir.path("f.msr")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let good = dir.path("good.ndjson")
        try IngestCLITests.line("c", id: 1, name: "a", ms: 1000, lsn: 1).write(toFile: good, atomically: false, encoding: .utf8)
        let commands: [[String]] = [
            ["info", fifo], ["state", fifo, "--table", "units", "--at", "+1"], ["diff", fifo, "--table", "units", "--from", "+1", "--to", "+2"],
            ["events", fifo], ["count", fifo], ["open", fifo], ["bookmark", fifo, "--at", "+1", "--label", "x"],
            ["ingest", "debezium", good, "--into", fifo], ["generate", "--out", fifo, "--events", "10", "--force"],
            ["capture", "postgres", "--dsn", "host=127.0.0.1 port=1", "--into", fifo, "--tables", "t"],
            ["capture", "nats", "--server", "nats://127.0.0.1:1", "--stream", "S", "--subject", "s", "--into", fifo],
            ["demo", "--path", fifo, "--events", "10"],
        ]
        for args in commands {
            let log = dir.path("log-\(args[0]).txt")
            let p = try MSRBinary.start(args, logTo: log)
            let status = MSRBinary.wait(for: p, timeout: 20)
            XCTAssertEqual(status, 1, "\(args) \(status == nil ? "hung" : "")")
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            XCTAssertTrue(said.contains("FIFO"), "\(args): \(said)")
        }
    }

    func testADirectoryAsIngestInputIsRefused() throws {
        let dir = TemporaryDirectory()
        let mine = try userDirectory(in: dir)
        let rec = dir.path("r.msr")
        let r = try MSRBinary.run(["ingest", "debezium", mine, "--into", rec])
        assertRefused(r, mentioning: "is a directory")
        XCTAssertFalse(FileManager.default.fileExists(atPath: rec), "nothing is created")
        assertUserDirectoryIntact(mine)
    }

    /// `--into` a file that is not a recording (even an empty one) is refused, not taken over.
    func testIngestIntoAUsersFileIsRefused() throws {
        let dir = TemporaryDirectory()
        let good = dir.path("good.ndjson")
        try IngestCLITests.line("c", id: 1, name: "a", ms: 1000, lsn: 1).write(toFile: good, atomically: false, encoding: .utf8)
        for contents in ["my notes\n", ""] {
            let target = dir.path("target.txt")
            try contents.write(toFile: target, atomically: false, encoding: .utf8)
            for args in [["ingest", "debezium", good, "--into", target],
                         ["capture", "postgres", "--dsn", "host=127.0.0.1 port=1", "--into", target, "--tables", "t"],
                         ["capture", "nats", "--server", "nats://127.0.0.1:1", "--stream", "S", "--subject", "s", "--into", target]] {
                assertRefused(try MSRBinary.run(args), mentioning: "not an msr recording")
                XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), contents, "\(args)")
            }
        }
    }
    /// SQLite takes the `-wal`, `-shm` and `-journal` files beside a database as its own (it
    /// replays, overwrites or deletes them): a user's file of such a name beside a recording
    /// msr is to create is refused and left as it is.
    func testAUsersFileWhereARecordingsCompanionGoesIsRefused() throws {
        let dir = TemporaryDirectory()
        let good = dir.path("good.ndjson")
        try IngestCLITests.line("c", id: 1, name: "a", ms: 1000, lsn: 1).write(toFile: good, atomically: false, encoding: .utf8)
        let target = dir.path("new.msr")
        for suffix in ["-wal", "-shm", "-journal"] {
            let mine = target + suffix
            try "my own \(suffix)\n".write(toFile: mine, atomically: false, encoding: .utf8)
            for args in [["ingest", "debezium", good, "--into", target],
                         ["capture", "postgres", "--dsn", "host=127.0.0.1 port=1", "--into", target, "--tables", "t"],
                         ["capture", "nats", "--server", "nats://127.0.0.1:1", "--stream", "S", "--subject", "s", "--into", target],
                         ["generate", "--out", target, "--events", "100", "--quiet"],
                         ["demo", "--path", target, "--events", "100"]] {
                let r = try runWithCache(dir.path("cache"), args)
                assertRefused(r, mentioning: "\(mine) is in the way")
                XCTAssertEqual(try String(contentsOfFile: mine, encoding: .utf8), "my own \(suffix)\n", "\(args)")
                XCTAssertFalse(FileManager.default.fileExists(atPath: target), "\(args)")
            }
            // Beside generate's temporary file too.
            try FileManager.default.moveItem(atPath: mine, toPath: target + ".partial" + suffix)
            assertRefused(try MSRBinary.run(["generate", "--out", target, "--events", "100", "--quiet"]), mentioning: "is in the way")
            XCTAssertEqual(try String(contentsOfFile: target + ".partial" + suffix, encoding: .utf8), "my own \(suffix)\n")
            try FileManager.default.removeItem(atPath: target + ".partial" + suffix)
        }
        // Beside an existing recording they are the recording's own.
        XCTAssertEqual(try MSRBinary.run(["ingest", "debezium", good, "--into", target, "--quiet"]).status, 0)
        XCTAssertEqual(try MSRBinary.run(["ingest", "debezium", good, "--into", target, "--quiet"]).status, 0)
    }

    /// A capture that cannot start removes only a recording it created itself: an empty
    /// recording that was there before stays.
    func testAFailedCaptureKeepsARecordingThatWasThereBefore() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("empty.msr")
        try SQLiteRecordingStore(creatingAt: rec).close()
        let r = try MSRBinary.run(["capture", "postgres", "--dsn", "host=127.0.0.1 port=1", "--into", rec, "--tables", "t"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(SQLiteRecordingStore.identify(rec), .recording(formatVersion: RecordingIdentity.currentFormatVersion))
        let made = dir.path("made.msr")
        XCTAssertEqual(try MSRBinary.run(["capture", "postgres", "--dsn", "host=127.0.0.1 port=1", "--into", made, "--tables", "t"]).status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("made.msr") }, [])
    }
}
