import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// The console opens where every shown table holds rows, not on empty grids at the start.
final class OpeningPointTests: XCTestCase {
    private func change(_ table: String, _ op: MSRModel.Operation, id: Int64, at t: Int64) -> SourceChange {
        var c = SourceChange(table: TableName(schema: "public", name: table), op: op,
                             commitTime: Timestamp(micros: t), position: SourcePosition(t),
                             columns: [ColumnSchema(name: "id", type: ColumnType(kind: "int64"))])
        if op == .delete { c.before = [Field("id", .int(id))] } else { c.after = [Field("id", .int(id))] }
        return c
    }

    func testOpensWhereTheLastShownTableGetsItsFirstRow() throws {
        let dir = TemporaryDirectory()
        let store = try SQLiteRecordingStore(creatingAt: dir.path("o.msr"))
        var changes: [SourceChange] = []
        for i in 1...10 { changes.append(change("units", .insert, id: Int64(i), at: Int64(i * 10))) }
        // alerts: a delete of a row never seen first (no row), then its first real row.
        changes.append(change("alerts", .delete, id: 99, at: 105))
        changes.append(change("alerts", .insert, id: 1, at: 110))
        changes.append(change("units", .delete, id: 1, at: 120))
        _ = try RecordingWriter(store: store).write(changes)
        let summary = try store.summary()
        let units = try summary.table(named: "public.units").id
        let alerts = try summary.table(named: "public.alerts").id
        let seq = try OpeningPoint.seq(showing: [units, alerts], in: store)
        XCTAssertEqual(try store.commitTime(ofSeq: seq), Timestamp(micros: 110))
        XCTAssertGreaterThan(try store.rowCount(table: units, atSeq: seq), 0)
        XCTAssertGreaterThan(try store.rowCount(table: alerts, atSeq: seq), 0)
        XCTAssertEqual(try store.rowCount(table: alerts, atSeq: seq - 1), 0, "one event earlier alerts was still empty")
        XCTAssertEqual(try store.commitTime(ofSeq: try OpeningPoint.seq(showing: [units], in: store)), Timestamp(micros: 10))
    }

    func testTablesThatNeverHoldRowsDoNotMoveIt() throws {
        let dir = TemporaryDirectory()
        let store = try SQLiteRecordingStore(creatingAt: dir.path("e.msr"))
        _ = try RecordingWriter(store: store).write([
            change("units", .insert, id: 1, at: 10), change("ghosts", .delete, id: 7, at: 20), change("units", .insert, id: 2, at: 30),
        ])
        let summary = try store.summary()
        let ids = summary.tables.map(\.id)
        XCTAssertEqual(try store.commitTime(ofSeq: try OpeningPoint.seq(showing: ids, in: store)), Timestamp(micros: 10))
        XCTAssertEqual(try OpeningPoint.seq(showing: [], in: store), 0)
    }
}
