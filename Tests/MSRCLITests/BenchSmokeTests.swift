import Foundation
import MSRTestSupport
import XCTest

/// `msr-bench --quick` runs end to end, so the benchmark harness cannot rot. Timings are never
/// asserted: only that every section ran and the report files were written.
final class BenchSmokeTests: XCTestCase {
    func testQuickBenchmarkWritesItsReport() throws {
        let bench = URL(fileURLWithPath: MSRBinary.path).deletingLastPathComponent().appendingPathComponent("msr-bench").path
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bench), "msr-bench is not built beside msr")
        let dir = TemporaryDirectory("msr-bench-smoke")
        defer { try? FileManager.default.removeItem(at: dir.url) }
        let result = try MSRBinary.runProgram(bench, ["--quick", "--results", dir.path("results"), "--work", dir.path("work"),
                                                      "--msr", MSRBinary.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for section in ["### Seek", "### Scaling", "### Playback", "### Open", "### Ingest", "| msr |", "SQLite window function"] {
            XCTAssertTrue(result.stdout.contains(section), "missing \(section) in:\n\(result.stdout)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path("results"))
        XCTAssertEqual(Set(files.map { ($0 as NSString).pathExtension }), ["md", "json"])
        let json = try Data(contentsOf: URL(fileURLWithPath: dir.path("results/" + (files.first { $0.hasSuffix(".json") } ?? ""))))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual((object["sizes"] as? [Any])?.count, 1)
        XCTAssertNotNil(object["ingest"])
    }
}

/// `msr-bench --work DIR` removes only what it made in DIR.
final class BenchWorkDirectoryTests: XCTestCase {
    private var bench: String {
        URL(fileURLWithPath: MSRBinary.path).deletingLastPathComponent().appendingPathComponent("msr-bench").path
    }

    private func run(_ work: String, _ dir: TemporaryDirectory, keep: Bool = false) throws -> MSRBinary.Result {
        try MSRBinary.runProgram(bench, ["--quick", "--no-postgres", "--only", "seek", "--results", dir.path("results"),
                                         "--work", work, "--msr", MSRBinary.path] + (keep ? ["--keep"] : []))
    }

    /// A run kept with `--keep` lists the files it left in its marker, and only those are
    /// msr-bench's: a user's file or directory that appeared since at a name msr-bench writes is
    /// refused and stays, and a marker file msr-bench did not write makes nothing its own.
    func testOnlyTheFilesAKeptRunListedAreTakenAsItsOwn() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bench), "msr-bench is not built beside msr")
        let dir = TemporaryDirectory("msr-bench-kept")
        let work = dir.path("kept")
        XCTAssertEqual(try run(work, dir, keep: true).status, 0)
        let marker = try String(contentsOfFile: work + "/.msr-bench-work", encoding: .utf8)
        XCTAssertTrue(marker.contains("\nexercise-20000.msr\n"), marker)

        // A user's file and directory beside the kept recording, at names msr-bench writes.
        try "mine\n".write(toFile: work + "/exercise-20000.msr-journal", atomically: false, encoding: .utf8)
        let refused = try run(work, dir)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("exercise-20000.msr-journal is already there"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: work + "/exercise-20000.msr-journal", encoding: .utf8), "mine\n")
        try FileManager.default.removeItem(atPath: work + "/exercise-20000.msr-journal")
        try FileManager.default.createDirectory(atPath: work + "/exercise-20000.msr.partial/inside", withIntermediateDirectories: true)
        XCTAssertEqual(try run(work, dir).status, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work + "/exercise-20000.msr.partial/inside"))
        try FileManager.default.removeItem(atPath: work + "/exercise-20000.msr.partial")

        // The kept run's own files are reused, then removed with the marker.
        XCTAssertEqual(try run(work, dir).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work), [])

        // A file of the marker's name that msr-bench did not write: the directory is left alone.
        let other = dir.path("other")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try "my notes\n".write(toFile: other + "/.msr-bench-work", atomically: false, encoding: .utf8)
        try "my recording\n".write(toFile: other + "/exercise-20000.msr", atomically: false, encoding: .utf8)
        let foreign = try run(other, dir)
        XCTAssertEqual(foreign.status, 1, foreign.stderr)
        XCTAssertTrue(foreign.stderr.contains("is not msr-bench's marker"), foreign.stderr)
        XCTAssertEqual(try String(contentsOfFile: other + "/.msr-bench-work", encoding: .utf8), "my notes\n")
        XCTAssertEqual(try String(contentsOfFile: other + "/exercise-20000.msr", encoding: .utf8), "my recording\n")
    }

    func testAUsersFilesInTheWorkDirectorySurvive() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bench), "msr-bench is not built beside msr")
        let dir = TemporaryDirectory("msr-bench-work")
        let work = dir.path("mine")
        try FileManager.default.createDirectory(atPath: work + "/nested", withIntermediateDirectories: true)
        try "keep\n".write(toFile: work + "/notes.txt", atomically: false, encoding: .utf8)
        try "deep\n".write(toFile: work + "/nested/deep.txt", atomically: false, encoding: .utf8)
        let r = try run(work, dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: work)), ["notes.txt", "nested"])
        XCTAssertEqual(try String(contentsOfFile: work + "/notes.txt", encoding: .utf8), "keep\n")
        XCTAssertEqual(try String(contentsOfFile: work + "/nested/deep.txt", encoding: .utf8), "deep\n")

        // A user's file at a name msr-bench writes is refused before anything runs.
        try "my recording\n".write(toFile: work + "/exercise-20000.msr", atomically: false, encoding: .utf8)
        let refused = try run(work, dir)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("msr-bench did not make it"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: work + "/exercise-20000.msr", encoding: .utf8), "my recording\n")
        XCTAssertEqual(try String(contentsOfFile: work + "/notes.txt", encoding: .utf8), "keep\n")

        // A directory it creates is gone afterwards, with its parents.
        let fresh = dir.path("new/work")
        XCTAssertEqual(try run(fresh, dir).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("new")))
    }
    /// A report never replaces a file in `--results`: names of the run's second that are taken
    /// (an earlier run's, a user's) stay as they were, and the report gets a name of its own.
    func testReportsNeverReplaceFilesInTheResultsDirectory() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bench), "msr-bench is not built beside msr")
        let dir = TemporaryDirectory("msr-bench-results")
        let results = dir.path("results")
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        // Every name the run could take in the next few minutes, as msr-bench spells them.
        let now = Date()
        var mine: [String: String] = [:]
        for second in -5...300 {
            let stamp = ISO8601DateFormatter().string(from: now.addingTimeInterval(Double(second))).replacingOccurrences(of: ":", with: "")
            for ext in [".json", ".md"] {
                let name = stamp + "-quick" + ext
                mine[name] = "mine \(name)\n"
                try mine[name]!.write(toFile: results + "/" + name, atomically: false, encoding: .utf8)
            }
        }
        let r = try run(dir.path("work"), dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        for (name, text) in mine {
            XCTAssertEqual(try String(contentsOfFile: results + "/" + name, encoding: .utf8), text, name)
        }
        let new = Set(try FileManager.default.contentsOfDirectory(atPath: results)).subtracting(mine.keys)
        XCTAssertEqual(new.count, 2, "\(new)")
        XCTAssertTrue(new.allSatisfy { $0.contains("-quick-2.") }, "\(new)")
    }
}
