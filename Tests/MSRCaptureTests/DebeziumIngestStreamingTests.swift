import Foundation
@testable import MSRCapture
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Ingest streams its input in batches: what crosses a batch boundary (out-of-order lines,
/// duplicates, bad lines, several inputs) must come out as if the whole input were read at once.
final class DebeziumIngestStreamingTests: XCTestCase {
    private func line(_ op: String, id: Int, name: String, ms: Int64, lsn: Int64, table: String = "units") -> String {
        let image = "{\"id\":\(id),\"name\":\"\(name)\"}"
        let before = op == "c" ? "null" : image
        let after = op == "d" ? "null" : image
        return "{\"before\":\(before),\"after\":\(after),\"source\":{\"schema\":\"public\",\"table\":\"\(table)\",\"ts_ms\":\(ms),\"lsn\":\(lsn)},\"op\":\"\(op)\",\"ts_ms\":\(ms)}"
    }

    private func ingest(_ files: [[String]], into path: String, batchLines: Int, dir: TemporaryDirectory,
                        lateLimit: Int = 200_000, keys: [String: [String]] = [:]) throws -> IngestReport {
        try ingestFiles(files, into: path, dir: dir, keyframeInterval: 7, keys: keys, batchLines: batchLines, lateLimit: lateLimit)
    }

    private func events(_ path: String) throws -> [ChangeEvent] {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let n = try store.summary().lastSeq
        return n == 0 ? [] : try store.events(in: 1...n, table: nil)
    }

    /// A random history of a few rows: creates, updates and deletes, lsn increasing.
    private func history(count: Int, seed: UInt64, table: String = "units", lsnBase: Int64 = 0) -> [String] {
        var rng = SeededRandom(seed: seed)
        var live: Set<Int> = []
        var out: [String] = []
        for i in 0..<count {
            let id = Int.random(in: 1...40, using: &rng)
            let ms = Int64(1000 + i * 10)
            let lsn = lsnBase + Int64(i * 2 + 1)
            if !live.contains(id) {
                live.insert(id)
                out.append(line("c", id: id, name: "n\(i)", ms: ms, lsn: lsn, table: table))
            } else if Int.random(in: 0..<4, using: &rng) == 0 {
                live.remove(id)
                out.append(line("d", id: id, name: "x", ms: ms, lsn: lsn, table: table))
            } else {
                out.append(line("u", id: id, name: "n\(i)", ms: ms, lsn: lsn, table: table))
            }
        }
        return out
    }

    func testOutOfOrderLinesAcrossBatchesLandInTheirPlace() throws {
        let dir = TemporaryDirectory()
        var lines = history(count: 400, seed: 7)
        // Move some lines far back in the input, across several batch boundaries.
        var rng = SeededRandom(seed: 11)
        for _ in 0..<30 {
            let from = Int.random(in: 0..<lines.count, using: &rng)
            let to = min(lines.count - 1, from + Int.random(in: 1...120, using: &rng))
            lines.insert(lines.remove(at: from), at: to)
        }
        let whole = try ingest([lines], into: dir.path("whole.msr"), batchLines: 1_000_000, dir: dir)
        // Late changes handed over a few at a time, and gathered in piles of 60.
        for lateLimit in [1, 60] {
            let rec = dir.path("streamed-\(lateLimit).msr")
            let streamed = try ingest([lines], into: rec, batchLines: 25, dir: dir, lateLimit: lateLimit)
            XCTAssertEqual(streamed.written, 400)
            XCTAssertEqual(streamed.written, whole.written)
            XCTAssertEqual(streamed.unseenRows, whole.unseenRows)
            XCTAssertGreaterThan(streamed.rederived, 0, "late lines went through re-derivation")
            XCTAssertEqual(try events(rec), try events(dir.path("whole.msr")))
        }
    }

    /// A file sorted by table, not by time: the second table's lines are all late, and are
    /// gathered so the stored tail is re-derived once per pile rather than once per batch.
    func testAFileSortedByTableReDerivesOncePerPile() throws {
        let dir = TemporaryDirectory()
        let a = history(count: 300, seed: 8, table: "units", lsnBase: 0)
        let b = history(count: 300, seed: 9, table: "tracks", lsnBase: 1)
        let whole = try ingest([a + b], into: dir.path("whole.msr"), batchLines: 1_000_000, dir: dir)
        let piled = try ingest([a + b], into: dir.path("piled.msr"), batchLines: 20, dir: dir)
        XCTAssertEqual(piled.written, 600)
        XCTAssertEqual(piled.written, whole.written)
        XCTAssertLessThanOrEqual(piled.rederived, 300, "one re-derivation of the first table's tail")
        XCTAssertEqual(try events(dir.path("piled.msr")), try events(dir.path("whole.msr")))
    }

    func testInputsOrderedByThemselvesMergeWithoutRederiving() throws {
        let dir = TemporaryDirectory()
        let a = history(count: 300, seed: 1, table: "units", lsnBase: 0)
        let b = history(count: 300, seed: 2, table: "tracks", lsnBase: 1)
        let whole = try ingest([a, b], into: dir.path("whole.msr"), batchLines: 1_000_000, dir: dir)
        let streamed = try ingest([a, b], into: dir.path("streamed.msr"), batchLines: 16, dir: dir)
        XCTAssertEqual(streamed.written, 600)
        XCTAssertEqual(streamed.rederived, 0)
        XCTAssertEqual(whole.written, 600)
        let stored = try events(dir.path("streamed.msr"))
        XCTAssertEqual(stored, try events(dir.path("whole.msr")))
        XCTAssertEqual(stored.map(\.commitTime), stored.map(\.commitTime).sorted())
    }

    func testBadLinesInTheMiddleOfALargeInputAreRejectedAndTheRestKept() throws {
        let dir = TemporaryDirectory()
        var lines = history(count: 3000, seed: 3)
        let bad = [5, 999, 1000, 1001, 2500]
        for n in bad { lines.insert("{broken \(n)", at: n - 1) }
        // A line the writer refuses (a table with no key), found again by its line number.
        let keyless = "{\"before\":null,\"after\":{\"code\":\"X\"},\"source\":{\"schema\":\"public\",\"table\":\"codes\",\"ts_ms\":5000,\"lsn\":4},\"op\":\"c\",\"ts_ms\":5000}"
        lines.insert(keyless, at: 1799)
        let rec = dir.path("r.msr")
        let report = try ingest([lines], into: rec, batchLines: 64, dir: dir)
        XCTAssertEqual(report.lines, 3006)
        XCTAssertEqual(report.written, 3000)
        XCTAssertEqual(report.rejected.map(\.line), [5, 999, 1000, 1001, 1800, 2501])
        let file = try String(contentsOfFile: rec + ".rejects.ndjson", encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(file[0].hasPrefix("{\"run\":"), "the run's header first: \(file[0])")
        let rejects = Array(file.dropFirst())
        XCTAssertEqual(rejects.count, 6)
        XCTAssertTrue(rejects[1].contains("\"line\":999") && rejects[1].contains("{broken 999"), String(rejects[1]))
        XCTAssertTrue(rejects[4].contains("\"line\":1800") && rejects[4].contains("codes"), String(rejects[4]))
        XCTAssertTrue(rejects[5].contains("{broken 2500"), String(rejects[5]))
        let clean = try ingest([history(count: 3000, seed: 3)], into: dir.path("clean.msr"), batchLines: 1_000_000, dir: dir)
        XCTAssertEqual(clean.written, 3000)
        XCTAssertEqual(try events(rec), try events(dir.path("clean.msr")))
    }

    func testDuplicatesInLaterBatchesAreSkipped() throws {
        let dir = TemporaryDirectory()
        let lines = history(count: 200, seed: 5)
        let rec = dir.path("r.msr")
        let report = try ingest([lines + lines.suffix(50)], into: rec, batchLines: 30, dir: dir)
        XCTAssertEqual(report.written, 200)
        XCTAssertEqual(report.duplicates, 50)
        let again = try ingest([lines], into: rec, batchLines: 30, dir: dir)
        XCTAssertEqual(again.written, 0)
        XCTAssertEqual(again.duplicates, 200)
    }
}
