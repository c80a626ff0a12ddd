@testable import MSRConsole
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// At high speed only rows near the screen are compared for highlights.
final class HighlightRangeTests: XCTestCase {
    /// One table of 3,000 rows, all inserted at once.
    private static func writeBigTable(_ path: String) throws {
        let store = try SQLiteRecordingStore(creatingAt: path)
        let columns = [ColumnSchema(name: "id", type: ColumnType(kind: "int64")), ColumnSchema(name: "v", type: ColumnType(kind: "int64"))]
        let changes = (0..<3000).map { i -> SourceChange in
            var c = SourceChange(table: TableName(schema: "ops", name: "big"), op: .insert,
                                 commitTime: Timestamp(micros: 1_000_000), position: SourcePosition(Int64(i + 1)), columns: columns)
            c.after = [Field("id", .int(Int64(i))), Field("v", .int(0))]
            return c
        }
        _ = try RecordingWriter(store: store).write(changes)
    }

    func testOnlyRowsNearTheScreenAreComparedWhenThousandsChanged() throws {
        let h = try ConsoleHarness(width: 100, height: 30, write: Self.writeBigTable)
        h.press("end")
        let pane = try XCTUnwrap(h.app.panes.values.first { $0.table.name.name == "big" })
        XCTAssertEqual(pane.rows?.count, 3000)
        pane.scrollRow = 1500
        h.settle()
        let height = pane.visibleHeight
        XCTAssertGreaterThan(height, 0)

        var touched = FrameChanges()
        for i in stride(from: 0, to: 3000, by: 2) { touched.updated[RowKey([.int(Int64(i))])] = [1] }
        for i in 3000..<3100 { touched.inserted.insert(RowKey([.int(Int64(i))])) }
        let near = try XCTUnwrap(HighlightRange.nearScreen(touched, pane: pane))
        let shown = try XCTUnwrap(pane.rows).window(from: pane.scrollRow, limit: height, keyColumns: [0]).map(\.key)
        XCTAssertFalse(shown.isEmpty)
        for key in shown where touched.updated[key] != nil {
            XCTAssertNotNil(near.updated[key], "a row on screen keeps its mark")
        }
        XCTAssertLessThanOrEqual(near.updated.count, 3 * height / 2 + 2, "about three screens of every other row")
        XCTAssertTrue(near.inserted.isEmpty, "rows far past the screen are not compared")

        var few = FrameChanges()
        few.updated = [RowKey([.int(1)]): [1]]
        XCTAssertNil(HighlightRange.nearScreen(few, pane: pane), "few changes: all are compared")
    }
}
