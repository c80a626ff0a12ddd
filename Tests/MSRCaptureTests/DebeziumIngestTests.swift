import Foundation
@testable import MSRCapture
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// `msr ingest debezium` in process: every line shape, bad lines, ordering, duplicates, keys.
final class DebeziumIngestTests: XCTestCase {
    /// A bare Debezium payload for public.units.
    static func payload(op: String, before: String = "null", after: String = "null", tsMs: Int64, lsn: Int64?, tsUs: Int64? = nil) -> String {
        var source = "\"version\":\"2.5.0.Final\",\"connector\":\"postgresql\",\"name\":\"c2\",\"ts_ms\":\(tsMs),\"snapshot\":\"false\",\"db\":\"c2\",\"schema\":\"public\",\"table\":\"units\""
        if let lsn { source += ",\"lsn\":\(lsn)" }
        if let tsUs { source += ",\"ts_us\":\(tsUs)" }
        return "{\"before\":\(before),\"after\":\(after),\"source\":{\(source)},\"op\":\"\(op)\",\"ts_ms\":\(tsMs + 5)}"
    }

    private func ingest(_ files: [[String]], into path: String, keys: [String: [String]] = [:],
                        dir: TemporaryDirectory) throws -> IngestReport {
        try ingestFiles(files, into: path, dir: dir, keyframeInterval: 3, keys: keys)
    }

    private func rows(_ path: String, _ table: String, at time: String) throws -> [[Value]] {
        let r = try Reconstructor(store: SQLiteRecordingStore(openingAt: path))
        let schema = try r.summary.table(named: table)
        return try r.state(of: schema, at: r.resolve(TimeSpec(parsing: time))).rows.map(\.row.values)
    }

    func testEveryLineShapeIsTaken() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let bare = Self.payload(op: "c", after: "{\"id\":1,\"name\":\"a\"}", tsMs: 1000, lsn: 10)
        let enveloped = "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":" + Self.payload(op: "c", after: "{\"id\":2,\"name\":\"b\"}", tsMs: 2000, lsn: 20) + "}"
        let keyed = "{\"key\":{\"schema\":{\"type\":\"struct\"},\"payload\":{\"id\":3}},\"value\":" + Self.payload(op: "c", after: "{\"id\":3,\"name\":\"c\"}", tsMs: 3000, lsn: 30) + "}"
        let plainKey = "{\"key\":{\"id\":1},\"value\":{\"schema\":{},\"payload\":" + Self.payload(op: "u", before: "null", after: "{\"id\":1,\"name\":\"a2\"}", tsMs: 4000, lsn: 40) + "}}"
        let tombstone = "{\"key\":{\"id\":9},\"value\":null}"
        let report = try ingest([[bare, enveloped, keyed, plainKey, tombstone]], into: rec, dir: dir)
        XCTAssertEqual(report.written, 4)
        XCTAssertEqual(report.skipped["tombstone"], 1)
        XCTAssertTrue(report.rejected.isEmpty)
        XCTAssertEqual(try rows(rec, "units", at: "+10"), [[.int(1), .string("a2")], [.int(2), .string("b")], [.int(3), .string("c")]])
    }

    func testBadLinesAreRejectedAndEverythingValidIsKept() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let lines = [
            Self.payload(op: "c", after: "{\"id\":1,\"name\":\"a\"}", tsMs: 1000, lsn: 10),
            "this is not json",
            "{\"before\":null,\"after\":{\"id\":5},\"op\":\"c\"}",
            Self.payload(op: "c", after: "{\"id\":2,\"name\":\"b\"}", tsMs: 2000, lsn: 20),
            "{\"before\":null,\"after\":{\"id\":5},\"source\":{\"schema\":\"public\",\"table\":\"units\",\"ts_ms\":5}}",
            Self.payload(op: "c", after: "\"oops\"", tsMs: 2500, lsn: 25),
            Self.payload(op: "c", after: "{\"id\":3,\"name\":\"c\"}", tsMs: 3000, lsn: 30),
        ]
        let report = try ingest([lines], into: rec, dir: dir)
        XCTAssertEqual(report.written, 3)
        XCTAssertEqual(report.rejected.map(\.line), [2, 3, 5, 6])
        let file = try String(contentsOfFile: rec + ".rejects.ndjson", encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(file[0].hasPrefix("{\"run\":"), "the run's header first: \(file[0])")
        let rejects = Array(file.dropFirst())
        XCTAssertEqual(rejects.count, 4)
        XCTAssertTrue(rejects[0].contains("\"line\":2"))
        XCTAssertTrue(rejects[0].contains("this is not json"))
        XCTAssertEqual(try rows(rec, "units", at: "+10").count, 3)
    }

    func testReingestingAFileChangesNothingAndALaterFileContinues() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let first = [
            Self.payload(op: "c", after: "{\"id\":1,\"name\":\"a\"}", tsMs: 1000, lsn: 10),
            Self.payload(op: "u", after: "{\"id\":1,\"name\":\"b\"}", tsMs: 2000, lsn: 20),
        ]
        XCTAssertEqual(try ingest([first], into: rec, dir: dir).written, 2)
        let again = try ingest([first], into: rec, dir: dir)
        XCTAssertEqual(again.written, 0)
        XCTAssertEqual(again.duplicates, 2)
        let later = try ingest([[Self.payload(op: "d", before: "{\"id\":1,\"name\":\"b\"}", tsMs: 3000, lsn: 30)]], into: rec, dir: dir)
        XCTAssertEqual(later.written, 1)
        XCTAssertEqual(try rows(rec, "units", at: "+1.5"), [[.int(1), .string("b")]])
        XCTAssertEqual(try rows(rec, "units", at: "+2"), [])
    }

    func testInterleavedFilesAreOrderedByCommitTimeAndPosition() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let a = [Self.payload(op: "u", after: "{\"id\":1,\"name\":\"third\"}", tsMs: 3000, lsn: 30),
                 Self.payload(op: "c", after: "{\"id\":1,\"name\":\"first\"}", tsMs: 1000, lsn: 10)]
        let b = [Self.payload(op: "u", after: "{\"id\":1,\"name\":\"second\"}", tsMs: 3000, lsn: 20)]
        let report = try ingest([a, b], into: rec, dir: dir)
        XCTAssertEqual(report.written, 3)
        XCTAssertEqual(report.unseenRows, 0)
        let store = try SQLiteRecordingStore(openingAt: rec)
        let names = try store.events(in: 1...3, table: nil).map { $0.after?[1] }
        XCTAssertEqual(names, [.string("first"), .string("second"), .string("third")])
    }

    /// A primary-key change arrives as delete, tombstone, create.
    func testPrimaryKeyChangeReconstructs() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let lines = [
            "{\"key\":{\"id\":1},\"value\":" + Self.payload(op: "c", after: "{\"id\":1,\"name\":\"a\"}", tsMs: 1000, lsn: 10) + "}",
            "{\"key\":{\"id\":1},\"value\":" + Self.payload(op: "d", before: "{\"id\":1,\"name\":null}", tsMs: 2000, lsn: 20) + "}",
            "{\"key\":{\"id\":1},\"value\":null}",
            "{\"key\":{\"id\":7},\"value\":" + Self.payload(op: "c", after: "{\"id\":7,\"name\":\"a\"}", tsMs: 2000, lsn: 21) + "}",
        ]
        let report = try ingest([lines], into: rec, dir: dir)
        XCTAssertEqual(report.written, 3)
        XCTAssertEqual(try rows(rec, "units", at: "+0.5"), [[.int(1), .string("a")]])
        XCTAssertEqual(try rows(rec, "units", at: "+1"), [[.int(7), .string("a")]])
        // The delete is completed with the full row, not the partial before-image it carried.
        let store = try SQLiteRecordingStore(openingAt: rec)
        XCTAssertEqual(try store.events(in: 2...2, table: nil).first?.before, Row([.int(1), .string("a")]))
    }

    func testPlaceholderKeepsThePreviousValueAndUnseenRowsAreCounted() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let lines = [
            Self.payload(op: "c", after: "{\"id\":1,\"name\":\"long text\",\"n\":1}", tsMs: 1000, lsn: 10),
            Self.payload(op: "u", after: "{\"id\":1,\"name\":\"__debezium_unavailable_value\",\"n\":2}", tsMs: 2000, lsn: 20),
            Self.payload(op: "u", after: "{\"id\":5,\"name\":\"joined late\",\"n\":9}", tsMs: 3000, lsn: 30),
            Self.payload(op: "d", before: "{\"id\":6}", tsMs: 4000, lsn: 40),
        ]
        let report = try ingest([lines], into: rec, dir: dir)
        XCTAssertEqual(report.written, 4)
        XCTAssertEqual(report.unseenRows, 2)
        XCTAssertEqual(try rows(rec, "units", at: "+5"), [[.int(1), .string("long text"), .int(2)], [.int(5), .string("joined late"), .int(9)]])
        let summary = try SQLiteRecordingStore(openingAt: rec).summary()
        XCTAssertEqual(summary.unseenRowEvents, 2)
    }

    func testTableWithoutKeyIsRefusedUnlessKeyIsGiven() throws {
        let dir = TemporaryDirectory()
        let line = "{\"before\":null,\"after\":{\"code\":\"X1\",\"v\":1},\"source\":{\"schema\":\"public\",\"table\":\"codes\",\"ts_ms\":1000},\"op\":\"c\",\"ts_ms\":1000}"
        let refused = try ingest([[line]], into: dir.path("a.msr"), dir: dir)
        XCTAssertEqual(refused.rejected.count, 1)
        XCTAssertTrue(refused.rejected[0].reason.contains("--key"), refused.rejected[0].reason)
        let taken = try ingest([[line]], into: dir.path("b.msr"), keys: ["codes": ["code"]], dir: dir)
        XCTAssertEqual(taken.written, 1)
        XCTAssertEqual(try rows(dir.path("b.msr"), "public.codes", at: "+0"), [[.string("X1"), .int(1)]])
    }

    func testMicrosecondCommitTimeIsPreferred() throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("r.msr")
        let lines = [Self.payload(op: "c", after: "{\"id\":1}", tsMs: 1000, lsn: 10, tsUs: 1_000_250)]
        _ = try ingest([lines], into: rec, dir: dir)
        XCTAssertEqual(try SQLiteRecordingStore(openingAt: rec).summary().firstCommit, Timestamp(micros: 1_000_250))
    }
}
