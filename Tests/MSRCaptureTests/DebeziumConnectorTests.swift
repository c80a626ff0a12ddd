import Foundation
@testable import MSRCapture
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Ingest of real-shaped connector output: each connector's source position, databases as
/// schemas, snapshot rows against streamed changes, and re-ingest changing nothing.
final class DebeziumConnectorTests: XCTestCase {
    typealias L = ConnectorLine
    let t0 = ConnectorLine.t0

    private func ingest(_ lines: [String], into path: String, dir: TemporaryDirectory,
                        keys: [String: [String]] = [:], batchLines: Int = 20_000) throws -> IngestReport {
        try ingestFiles([lines], into: path, dir: dir, keyframeInterval: 3, keys: keys, batchLines: batchLines)
    }

    private func rows(_ path: String, _ table: String) throws -> [[Value]] {
        let r = try Reconstructor(store: SQLiteRecordingStore(openingAt: path))
        let schema = try r.summary.table(named: table)
        return try r.state(of: schema, at: r.resolve(TimeSpec(parsing: "2030-01-01T00:00:00Z"))).rows.map(\.row.values)
    }

    private func tableNames(_ path: String) throws -> [String] {
        try SQLiteRecordingStore(openingAt: path).summary().tables.map(\.name.qualified).sorted()
    }

    /// Ingests `lines`, then the same lines again: the second run must add nothing.
    private func assertReingestChangesNothing(_ lines: [String], keys: [String: [String]] = [:],
                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = TemporaryDirectory()
        let rec = dir.path("again.msr")
        let first = try ingest(lines, into: rec, dir: dir, keys: keys)
        let events = try SQLiteRecordingStore(openingAt: rec).summary().lastSeq
        let again = try ingest(lines, into: rec, dir: dir, keys: keys)
        XCTAssertEqual(again.written, 0, file: file, line: line)
        XCTAssertEqual(again.duplicates, first.written, file: file, line: line)
        XCTAssertEqual(try SQLiteRecordingStore(openingAt: rec).summary().lastSeq, events, file: file, line: line)
    }

    func testSQLServerTwoUpdatesOfOneRowInOneTransactionAreBothKept() throws {
        let lines = [
            L.sqlServer(op: "c", after: #"{"id":1001,"first_name":"Sally"}"#, tsMs: t0, commitLSN: "00000025:00000d98:0003",
                        changeLSN: "00000025:00000d98:0002", serial: 1),
            L.sqlServer(op: "u", before: #"{"id":1001,"first_name":"Sally"}"#, after: #"{"id":1001,"first_name":"Anne"}"#,
                        tsMs: t0 + 1000, commitLSN: "00000027:00000758:0005", changeLSN: "00000027:00000758:0002", serial: 2),
            L.sqlServer(op: "u", before: #"{"id":1001,"first_name":"Anne"}"#, after: #"{"id":1001,"first_name":"Marie"}"#,
                        tsMs: t0 + 1000, commitLSN: "00000027:00000758:0005", changeLSN: "00000027:00000758:0004", serial: 2),
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("mssql.msr")
        let report = try ingest(lines, into: rec, dir: dir)
        XCTAssertEqual(report.written, 3)
        XCTAssertEqual(report.duplicates, 0)
        XCTAssertEqual(try rows(rec, "dbo.customers"), [[.int(1001), .string("Marie")]])
        try assertReingestChangesNothing(lines)
    }

    func testMySQLBinlogRotationInsideOneSecondKeepsTheLatestRow() throws {
        // MySQL times are whole seconds: the rotation's two events share one.
        let lines = [
            L.mysql(op: "c", after: #"{"id":1004,"email":"a@x"}"#, tsMs: t0, file: "mysql-bin.000003", pos: 4015),
            L.mysql(op: "u", before: #"{"id":1004,"email":"a@x"}"#, after: #"{"id":1004,"email":"b@x"}"#,
                    tsMs: t0 + 1000, file: "mysql-bin.000003", pos: 9_000),
            L.mysql(op: "u", before: #"{"id":1004,"email":"b@x"}"#, after: #"{"id":1004,"email":"c@x"}"#,
                    tsMs: t0 + 1000, file: "mysql-bin.000004", pos: 154),
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("mysql.msr")
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir).written, 3)
        XCTAssertEqual(try rows(rec, "inventory.customers"), [[.int(1004), .string("c@x")]])
        try assertReingestChangesNothing(lines)
    }

    func testMySQLDatabasesAreTheSchemaOfTheTableName() throws {
        let lines = [
            L.mysql(op: "c", after: #"{"id":1,"v":"a"}"#, db: "tenant_a", table: "t", tsMs: t0, file: "mysql-bin.000001", pos: 100),
            L.mysql(op: "c", after: #"{"id":1,"v":"b"}"#, db: "tenant_b", table: "t", tsMs: t0, file: "mysql-bin.000001", pos: 200),
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("tenants.msr")
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir).written, 2)
        XCTAssertEqual(try tableNames(rec), ["tenant_a.t", "tenant_b.t"])
        XCTAssertEqual(try rows(rec, "tenant_a.t"), [[.int(1), .string("a")]])
        XCTAssertEqual(try rows(rec, "tenant_b.t"), [[.int(1), .string("b")]])
    }

    func testOracleSCNsCompareAsNumbers() throws {
        // Same commit time; SCN 10 is the later change although "10" sorts before "9" as text.
        let lines = [
            L.oracle(op: "c", after: #"{"ID":1,"NAME":"first"}"#, tsMs: t0, scn: "5", commitSCN: "5"),
            L.oracle(op: "u", before: #"{"ID":1,"NAME":"early"}"#, after: #"{"ID":1,"NAME":"late"}"#, tsMs: t0 + 1000, scn: "10", commitSCN: "10"),
            L.oracle(op: "u", before: #"{"ID":1,"NAME":"first"}"#, after: #"{"ID":1,"NAME":"early"}"#, tsMs: t0 + 1000, scn: "9", commitSCN: "9"),
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("oracle.msr")
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir, keys: ["DEBEZIUM.CUSTOMERS": ["ID"]]).written, 3)
        XCTAssertEqual(try rows(rec, "DEBEZIUM.CUSTOMERS"), [[.int(1), .string("late")]])
        try assertReingestChangesNothing(lines, keys: ["DEBEZIUM.CUSTOMERS": ["ID"]])
    }

    func testDb2ChangesOfOneCommitAreOrderedByChangeLSN() throws {
        let commit = "00000000:0000150f:0000000000048fca"
        let lines = [
            L.db2(op: "c", after: #"{"ID":1,"EMAIL":"a"}"#, tsMs: t0, commitLSN: "00000000:00001000:0000000000000001",
                  changeLSN: "00000000:00000fff:0000000000000001"),
            L.db2(op: "u", after: #"{"ID":1,"EMAIL":"b"}"#, tsMs: t0 + 1000, commitLSN: commit, changeLSN: "00000000:00001400:0000000000048fc0"),
            L.db2(op: "u", after: #"{"ID":1,"EMAIL":"c"}"#, tsMs: t0 + 1000, commitLSN: commit, changeLSN: "00000000:00001400:0000000000048fc4"),
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("db2.msr")
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir, keys: ["DB2INST1.CUSTOMERS": ["ID"]]).written, 3)
        XCTAssertEqual(try rows(rec, "DB2INST1.CUSTOMERS"), [[.int(1), .string("c")]])
    }

    func testPositionsOrderLikeTheirConnectorsTuples() throws {
        func order(_ line: String) throws -> [UInt8] {
            try XCTUnwrap(DebeziumDecoder().decode(line: line, number: 1).change?.position?.order)
        }
        let rotatedA = try order(L.mysql(op: "c", after: #"{"id":1}"#, tsMs: t0, file: "mysql-bin.000009", pos: 99_000, row: 3))
        let rotatedB = try order(L.mysql(op: "c", after: #"{"id":1}"#, tsMs: t0, file: "mysql-bin.000010", pos: 4))
        XCTAssertTrue(rotatedA.lexicographicallyPrecedes(rotatedB))
        let rowA = try order(L.mysql(op: "c", after: #"{"id":1}"#, tsMs: t0, file: "mysql-bin.000010", pos: 4, row: 1))
        XCTAssertTrue(rotatedB.lexicographicallyPrecedes(rowA))
        let snapshot = try order(L.sqlServer(op: "r", after: #"{"id":1}"#, tsMs: t0, commitLSN: "00000027:00000758:0005", changeLSN: nil, serial: 0))
        let change = try order(L.sqlServer(op: "u", after: #"{"id":1}"#, tsMs: t0, commitLSN: "00000027:00000758:0005",
                                           changeLSN: "00000027:00000758:0002", serial: 2))
        XCTAssertTrue(snapshot.lexicographicallyPrecedes(change))
        let pgA = try order(L.postgres(op: "u", after: #"{"id":1}"#, tsMs: t0, lsn: 900, lastCommit: 100))
        let pgB = try order(L.postgres(op: "u", after: #"{"id":1}"#, tsMs: t0, lsn: 500, lastCommit: 950))
        XCTAssertTrue(pgA.lexicographicallyPrecedes(pgB), "the later transaction follows, whatever its change LSN")
    }

    /// Offsets of two sources are never compared with each other: at one commit time, the
    /// changes of two PostgreSQL servers order by the servers' names, each server's by its LSNs.
    func testPositionsOfTwoSourcesAreComparedOnlyWithinEachSource() throws {
        func order(server: String, lsn: Int64) throws -> [UInt8] {
            let line = L.postgres(op: "c", after: #"{"id":1}"#, tsMs: t0, lsn: lsn, lastCommit: lsn - 8)
                .replacingOccurrences(of: #""name":"pg""#, with: #""name":"\#(server)""#)
            XCTAssertTrue(line.contains(#""name":"\#(server)""#))
            return try XCTUnwrap(DebeziumDecoder().decode(line: line, number: 1).change?.position?.order)
        }
        let east100 = try order(server: "east", lsn: 100), east900 = try order(server: "east", lsn: 900)
        let west100 = try order(server: "west", lsn: 100)
        XCTAssertTrue(east100.lexicographicallyPrecedes(east900), "one server's changes in LSN order")
        XCTAssertTrue(east900.lexicographicallyPrecedes(west100), "another server's LSN 100 is not before east's 900")
        XCTAssertNotEqual(east100, west100, "the same LSN on two servers is two positions")
        // Both kept, in that order, and a second reading adds nothing.
        let dir = TemporaryDirectory()
        let rec = dir.path("two.msr")
        let lines = [(server: "west", lsn: Int64(100), id: 1), (server: "east", lsn: Int64(900), id: 2)].map {
            L.postgres(op: "c", after: #"{"id":\#($0.id)}"#, tsMs: t0, lsn: $0.lsn, lastCommit: $0.lsn - 8)
                .replacingOccurrences(of: #""name":"pg""#, with: #""name":"\#($0.server)""#)
        }
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir).written, 2)
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir).written, 0)
        let store = try SQLiteRecordingStore(openingAt: rec)
        defer { store.close() }
        let events = try store.events(in: 1...10, table: nil)
        XCTAssertEqual(events.map { $0.key.values }, [[.int(2)], [.int(1)]], "east before west at one commit time")
    }

    func testSnapshotRowsArePlacedByPositionNotByReadTime() throws {
        // The snapshot reads as of LSN 1000 from 10:15:01 to 10:15:09; row 2 changed at 10:15:03,
        // streamed after the snapshot with a later LSN. The stale snapshot row must not undo it.
        let lines = [
            L.postgres(op: "r", after: #"{"id":1,"name":"one"}"#, tsMs: t0 + 1000, lsn: 1000, lastCommit: nil, snapshot: "first"),
            L.postgres(op: "r", after: #"{"id":3,"name":"three"}"#, tsMs: t0 + 2000, lsn: 1000, lastCommit: nil, snapshot: "true"),
            L.postgres(op: "r", after: #"{"id":2,"name":"two"}"#, tsMs: t0 + 9000, lsn: 1000, lastCommit: nil, snapshot: "last"),
            L.postgres(op: "u", before: #"{"id":2,"name":"two"}"#, after: #"{"id":2,"name":"TWO"}"#, tsMs: t0 + 3000, lsn: 1200, lastCommit: 1100),
            L.postgres(op: "d", before: #"{"id":3,"name":"three"}"#, tsMs: t0 + 4000, lsn: 1300, lastCommit: 1250),
        ]
        for batch in [2, 20_000] {
            let dir = TemporaryDirectory()
            let rec = dir.path("snap.msr")
            let report = try ingest(lines, into: rec, dir: dir, batchLines: batch)
            XCTAssertEqual(report.written, 5)
            XCTAssertEqual(report.staleSnapshotRows, 1)
            XCTAssertEqual(try rows(rec, "public.customers"), [[.int(1), .string("one")], [.int(2), .string("TWO")]], "batches of \(batch)")
        }
        try assertReingestChangesNothing(lines)
    }

    func testSnapshotRowsWithoutAPositionKeepTheirTimeOrder() throws {
        func withoutLSN(_ line: String) -> String {
            line.replacingOccurrences(of: #","sequence":"[null,\"1000\"]""#, with: "")
                .replacingOccurrences(of: #","lsn":1000"#, with: "")
        }
        let lines = [
            withoutLSN(L.postgres(op: "r", after: #"{"id":1,"name":"one"}"#, tsMs: t0 + 1000, lsn: 1000, lastCommit: nil)),
            L.postgres(op: "u", after: #"{"id":2,"name":"TWO"}"#, tsMs: t0 + 3000, lsn: 1200, lastCommit: 1100),
            withoutLSN(L.postgres(op: "r", after: #"{"id":2,"name":"two"}"#, tsMs: t0 + 5000, lsn: 1000, lastCommit: nil)),
        ]
        XCTAssertEqual(try DebeziumDecoder().decode(line: lines[0], number: 1).change?.position?.order, [])
        let dir = TemporaryDirectory()
        let rec = dir.path("nopos.msr")
        let report = try ingest(lines, into: rec, dir: dir)
        XCTAssertEqual(report.staleSnapshotRows, 0)
        XCTAssertEqual(try rows(rec, "public.customers"), [[.int(1), .string("one")], [.int(2), .string("two")]])
    }

    func testEveryFormOfTheToastPlaceholderKeepsThePreviousValue() throws {
        let before = #"{"id":1,"note":"long text","data":"AQID","tags":["a","b"],"nums":[1,2],"attrs":{"k":"v"},"ids":["0e5c3b1a-0000-4000-8000-000000000001"],"n":1}"#
        let p = Value.unavailablePlaceholder
        let ints = p.utf8.map { String($0) }.joined(separator: ",")
        let after = #"{"id":1,"note":"\#(p)","data":"X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==","tags":["\#(p)"],"nums":[\#(ints)],"#
            + #""attrs":{"\#(p)":"\#(p)"},"ids":["b68a35a7-17ad-35b3-af2a-ae46edb4545a"],"n":2}"#
        let lines = [
            L.postgres(op: "c", after: before, tsMs: t0, lsn: 100, lastCommit: 90),
            L.postgres(op: "u", after: after, tsMs: t0 + 1000, lsn: 200, lastCommit: 150),
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("toast.msr")
        XCTAssertEqual(try ingest(lines, into: rec, dir: dir).written, 2)
        XCTAssertEqual(try rows(rec, "public.customers"), [[
            .int(1), .string("long text"), .string("AQID"), .json(#"["a","b"]"#), .json("[1,2]"), .json(#"{"k":"v"}"#),
            .json(#"["0e5c3b1a-0000-4000-8000-000000000001"]"#), .int(2),
        ]])
    }

    func testSourceTimeZeroFallsBackToTheEventTimeAndIsCounted() throws {
        // MySQL snapshot rows carry source.ts_ms 0.
        let line = L.mysql(op: "r", after: #"{"id":1,"email":"a"}"#, tsMs: 0, file: "mysql-bin.000003", pos: 154, snapshot: "true")
            .replacingOccurrences(of: #""ts_ms":236,"transaction""#, with: #""ts_ms":\#(t0),"transaction""#)
        let c = try XCTUnwrap(DebeziumDecoder().decode(line: line, number: 1).change)
        XCTAssertEqual(c.commitTime, Timestamp(millis: t0))
        let dir = TemporaryDirectory()
        let report = try ingest([line], into: dir.path("zero.msr"), dir: dir)
        XCTAssertEqual(report.written, 1)
        XCTAssertEqual(report.timedByEvent, 1)
    }

    func testKcatRecordsWithAStringConverterKeyUseTheValue() throws {
        let value = L.postgres(op: "c", after: #"{"id":1,"name":"Ada"}"#, tsMs: t0, lsn: 100, lastCommit: 90)
        let line = #"{"topic":"pg.public.customers","partition":0,"offset":7,"tstype":"create","ts":\#(t0 + 300),"broker":1,"#
            + #""headers":[],"key":"Struct{id=1}","payload":\#(JSONWriter.compactText(.string(value)))}"#
        let dir = TemporaryDirectory()
        let rec = dir.path("kcat.msr")
        let report = try ingest([line], into: rec, dir: dir)
        XCTAssertEqual(report.written, 1)
        XCTAssertTrue(report.rejected.isEmpty)
        XCTAssertEqual(try rows(rec, "public.customers"), [[.int(1), .string("Ada")]])
    }

    func testOtherTopicsAreSkippedQuietlyAndCounted() throws {
        let lines = [
            #"{"ts_ms":\#(t0)}"#,
            #"{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"ts_ms"}],"optional":false,"#
                + #""name":"io.debezium.connector.common.Heartbeat"},"payload":{"ts_ms":\#(t0)}}"#,
            #"{"status":"BEGIN","id":"571:53195829","ts_ms":\#(t0),"event_count":null,"data_collections":null}"#,
            L.postgres(op: "c", after: #"{"id":1,"name":"Ada"}"#, tsMs: t0, lsn: 100, lastCommit: 90),
            #"{"status":"END","id":"571:53195829","ts_ms":\#(t0),"event_count":1,"data_collections":[{"data_collection":"public.customers","event_count":1}]}"#,
            #"{"source":{"version":"2.7.3.Final","connector":"mysql","name":"dbserver1","ts_ms":\#(t0),"snapshot":"false","db":"inventory","#
                + #""table":"customers","server_id":223344,"file":"mysql-bin.000003","pos":154,"row":0},"ts_ms":\#(t0),"#
                + #""databaseName":"inventory","schemaName":null,"ddl":"ALTER TABLE customers ADD COLUMN note TEXT","tableChanges":[]}"#,
            #"{"source":{"server":"dbserver1"},"position":{"ts_sec":1772360100,"file":"mysql-bin.000003","pos":154},"#
                + #""ts_ms":\#(t0),"databaseName":"inventory","ddl":"CREATE TABLE customers (id INT PRIMARY KEY)","tableChanges":[]}"#,
        ]
        let dir = TemporaryDirectory()
        let report = try ingest(lines, into: dir.path("skips.msr"), dir: dir)
        XCTAssertEqual(report.written, 1)
        XCTAssertTrue(report.rejected.isEmpty, "\(report.rejected.map(\.reason))")
        XCTAssertEqual(report.skipped, ["heartbeat": 2, "transaction": 2, "schema change": 1, "schema history": 1])
    }

    func testRecordsFlattenedByExtractNewRecordStateAreRead() throws {
        let lines = [
            #"{"id":1,"name":"Ada","__op":"c","__table":"customers","__db":"inventory","__source_ts_ms":\#(t0),"__deleted":"false"}"#,
            #"{"id":1,"name":"Grace","__op":"u","__table":"customers","__db":"inventory","__source_ts_ms":\#(t0 + 1000),"__deleted":"false"}"#,
            #"{"id":2,"name":"Edsger","__op":"c","__table":"customers","__db":"inventory","__source_ts_ms":\#(t0 + 2000),"__deleted":"false"}"#,
            #"{"id":1,"name":null,"__op":"d","__table":"customers","__db":"inventory","__source_ts_ms":\#(t0 + 3000),"__deleted":"true"}"#,
        ]
        let dir = TemporaryDirectory()
        let rec = dir.path("flat.msr")
        let report = try ingest(lines, into: rec, dir: dir)
        XCTAssertEqual(report.written, 4)
        XCTAssertEqual(try rows(rec, "inventory.customers"), [[.int(2), .string("Edsger")]])
        try assertReingestChangesNothing(lines)
        // A column that other topics' records also have does not make a row one of them.
        let ddlColumn = #"{"id":5,"ddl":"CREATE TABLE x ()","status":"BEGIN","__op":"c","__table":"migrations","__source_ts_ms":\#(t0)}"#
        XCTAssertEqual(try DebeziumDecoder().decode(line: ddlColumn, number: 1).change?.table, TableName(schema: nil, name: "migrations"))
        let noTable = #"{"id":1,"__op":"c","__source_ts_ms":\#(t0)}"#
        XCTAssertThrowsError(try DebeziumDecoder().decode(line: noTable, number: 1)) { error in
            XCTAssertTrue("\(error)".contains("transforms.unwrap.add.fields"), "\(error)")
        }
    }

    func testCloudEventsAreUnwrapped() throws {
        let attributes = #""id":"name:test_server;lsn:29274832;txId:565","source":"/debezium/postgresql/test_server","specversion":"1.0","#
            + #""type":"io.debezium.connector.postgresql.DataChangeEvent","time":"2026-03-01T10:15:00.000Z","datacontenttype":"application/json","#
            + #""iodebeziumop":"c","iodebeziumversion":"2.7.3.Final","iodebeziumconnector":"postgresql","iodebeziumname":"test_server","#
            + #""iodebeziumtsms":"\#(t0)","iodebeziumsnapshot":"false","iodebeziumdb":"postgres","iodebeziumschema":"s1","iodebeziumtable":"a","#
            + #""iodebeziumlsn":"29274832","iodebeziumxmin":null,"iodebeziumtxid":"565""#
        let bare = "{" + attributes + #","data":{"before":null,"after":{"pk":1,"name":"Bob"}}}"#
        let withSchema = "{" + attributes.replacingOccurrences(of: "29274832", with: "29274900").replacingOccurrences(of: #""iodebeziumop":"c""#, with: #""iodebeziumop":"u""#)
            + #","data":{"schema":{"type":"struct","fields":[]},"payload":{"before":null,"after":{"pk":1,"name":"Robert"}}}}"#
        let dir = TemporaryDirectory()
        let rec = dir.path("ce.msr")
        let report = try ingest([bare, withSchema], into: rec, dir: dir, keys: ["s1.a": ["pk"]])
        XCTAssertEqual(report.written, 2)
        XCTAssertEqual(try rows(rec, "s1.a"), [[.int(1), .string("Robert")]])
    }

    func testTimesAndNumbersOutOfRangeAreRefusedWithTheirReason() throws {
        let lateTime = L.postgres(op: "c", after: #"{"id":1}"#, tsMs: t0, lsn: 100, lastCommit: 90)
            .replacingOccurrences(of: #","ts_us":\#(t0 * 1000)"#, with: "")
            .replacingOccurrences(of: #""ts_ms":\#(t0)"#, with: #""ts_ms":9223372036854775807"#)
        let huge = L.postgres(op: "c", after: #"{"id":2,"v":1e400}"#, tsMs: t0, lsn: 200, lastCommit: 90)
        let good = L.postgres(op: "c", after: #"{"id":3,"v":1.5}"#, tsMs: t0, lsn: 300, lastCommit: 90)
        let dir = TemporaryDirectory()
        let rec = dir.path("range.msr")
        let report = try ingest([lateTime, huge, good], into: rec, dir: dir)
        XCTAssertEqual(report.written, 1)
        XCTAssertEqual(report.rejected.map(\.line), [1, 2])
        XCTAssertTrue(report.rejected[0].reason.contains("source.ts_ms 9223372036854775807 is beyond the range"), report.rejected[0].reason)
        XCTAssertTrue(report.rejected[1].reason.contains("beyond the range of a double"), report.rejected[1].reason)
    }

    func testReingestOfOddLinesChangesNothing() throws {
        // The message key and the row image disagree.
        let keyed = #"{"key":{"id":1},"value":\#(L.postgres(op: "c", after: #"{"id":2,"name":"x"}"#, tsMs: t0, lsn: 100, lastCommit: 90))}"#
        // An image that names its key column twice.
        let repeated = L.postgres(op: "c", after: #"{"id":3,"id":4,"name":"y"}"#, tsMs: t0 + 1000, lsn: 200, lastCommit: 150)
        // An update of a row never seen, the key only in the before-image.
        let unseen = L.postgres(op: "u", before: #"{"id":7}"#, after: #"{"name":"z"}"#, tsMs: t0 + 2000, lsn: 300, lastCommit: 250)
        try assertReingestChangesNothing([keyed, repeated, unseen])
        let dir = TemporaryDirectory()
        let rec = dir.path("odd.msr")
        _ = try ingest([unseen], into: rec, dir: dir)
        XCTAssertEqual(try rows(rec, "public.customers"), [[.string("z"), .int(7)]], "the unseen row keeps the key it was named by")
    }
}
