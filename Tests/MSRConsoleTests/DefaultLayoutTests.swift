@testable import MSRConsole
import MSRModel
import MSRStore
import MSRTerminal
import MSRTestSupport
import XCTest

/// Opening a recording: the busiest tables in four panes, the first focused.
final class DefaultLayoutTests: XCTestCase {
    func testOpeningShowsTheBusiestTablesInFourPanes() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        XCTAssertEqual(h.app.layout?.paneIDs.count, 4)
        let tables = h.app.layout?.paneIDs.compactMap { h.app.panes[$0]?.table.name.name }
        XCTAssertEqual(tables, ["units", "orders", "alerts", "tracks"], "busiest first; notes only ever gets inserts")
        h.assertScreen("default-layout")
    }

    func testTheFocusedPaneHasTheHeavyBorder() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let units = try XCTUnwrap(h.locate("ops.units"))
        let orders = try XCTUnwrap(h.locate("ops.orders"))
        XCTAssertEqual(h.surface.cell(at: 0, units.y)?.text, "┏")
        XCTAssertEqual(h.surface.cell(at: orders.x - 3, orders.y)?.text, "┌")
        XCTAssertEqual(h.style(at: (0, units.y)), h.theme[.paneBorderFocused])
        XCTAssertEqual(h.style(at: (orders.x - 3, orders.y)), h.theme[.paneBorder])
        XCTAssertNotEqual(h.theme[.paneBorderFocused], h.theme[.paneBorder])
    }

    /// Big recordings estimate the busiest tables from keyframes and row counts instead of
    /// counting events; the estimate ranks churn the way the count does.
    func testBusiestTablesAreEstimatedOnBigRecordings() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 50)
        let columns = [ColumnSchema(name: "id", type: ColumnType(kind: "int64")), ColumnSchema(name: "v", type: ColumnType(kind: "int64"))]
        var changes: [SourceChange] = []
        var t: Int64 = 0
        func add(_ table: String, _ op: MSRModel.Operation, _ id: Int64, _ v: Int64) {
            t += 1
            var c = SourceChange(table: TableName(schema: "ops", name: table), op: op, commitTime: Timestamp(micros: t),
                                 position: SourcePosition(t), columns: columns)
            c.after = [Field("id", .int(id)), Field("v", .int(v))]
            changes.append(c)
        }
        for i in 0..<400 { add("inserted", .insert, Int64(i), 0) }
        for i in 0..<20 { add("churned", .insert, Int64(i), 0) }
        for i in 0..<300 { add("churned", .update, Int64(i % 20), Int64(i)) }
        for i in 0..<120 { add("quiet", .insert, Int64(i), 0) }
        _ = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 50)).write(changes)
        let handle = try ConsoleHarness.handle(path)
        let exact = try handle.busiestTables(limit: 3).map(\.name.name)
        let estimated = try handle.busiestTables(limit: 3, estimatingAbove: 0).map(\.name.name)
        XCTAssertEqual(exact, ["churned", "inserted", "quiet"])
        XCTAssertEqual(estimated, exact)
    }
}
