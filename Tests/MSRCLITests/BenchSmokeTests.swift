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
