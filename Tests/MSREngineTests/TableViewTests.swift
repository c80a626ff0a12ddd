import Dispatch
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Filtered and sorted views kept up to date frame by frame equal views built from scratch.
final class TableViewTests: XCTestCase {
    func testIncrementalViewsEqualRebuiltViews() throws {
        let f = try EngineFixture(seed: 6, count: 900, interval: 15)
        let table = try f.table("alpha")
        let cursor = TableCursor(store: f.store, schema: table)
        cursor.recordsMoves = true
        let score = table.columnIndex(named: "score")!
        let specs = [
            TableViewSpec(sortColumn: score),
            TableViewSpec(filter: try RowFilter(parsing: "flag=true", columns: table.columns)),
            TableViewSpec(filter: try RowFilter(parsing: "score>0", columns: table.columns), sortColumn: score, descending: true),
        ]
        for spec in specs {
            let model = TableViewModel(keyColumns: table.keyColumns, spec: spec)
            try cursor.seek(toSeq: 0)
            _ = model.rows(for: cursor.state, changes: nil)
            for seq in stride(from: Int64(5), through: 900, by: 7) {
                try cursor.seek(toSeq: seq)
                let changes = cursor.lastMove.map { FrameChanges(events: $0.events, forward: $0.forward, keyColumns: table.keyColumns) }
                let view = model.rows(for: cursor.state, changes: changes)
                let fresh = TableViewModel(keyColumns: table.keyColumns, spec: spec).rows(for: cursor.state, changes: nil)
                XCTAssertEqual(view.count, fresh.count)
                XCTAssertEqual(view.window(from: 0, limit: 500, keyColumns: table.keyColumns).map(\.key),
                               fresh.window(from: 0, limit: 500, keyColumns: table.keyColumns).map(\.key))
            }
            let rows = model.rows(for: cursor.state, changes: nil).window(from: 0, limit: 500, keyColumns: table.keyColumns).map(\.row)
            if let filter = spec.filter { XCTAssertTrue(rows.allSatisfy(filter.matches)) }
            if spec.sortColumn != nil {
                let values = rows.map { $0[score] }
                XCTAssertEqual(values, spec.descending ? values.sorted(by: >) : values.sorted())
            }
        }
    }

    func testFilterSyntaxAndErrors() throws {
        let columns = [ColumnSchema(name: "id"), ColumnSchema(name: "status"), ColumnSchema(name: "speed")]
        let row = Row([.int(1), .string("Moving"), .double(21.5)])
        XCTAssertTrue(try RowFilter(parsing: "status=moving", columns: columns).matches(row))
        XCTAssertTrue(try RowFilter(parsing: "speed>20 status!=ready", columns: columns).matches(row))
        XCTAssertFalse(try RowFilter(parsing: "speed<=20", columns: columns).matches(row))
        XCTAssertTrue(try RowFilter(parsing: "mov", columns: columns).matches(row))
        XCTAssertTrue(try RowFilter(parsing: "status~OVI", columns: columns).matches(row))
        XCTAssertThrowsError(try RowFilter(parsing: "colour=red", columns: columns)) { e in
            XCTAssertTrue("\(e)".contains("no column 'colour'"))
        }
    }

    func testStateStoreTellsSubscribersAndDerivedStoresFollow() {
        let store = StateStore(1, notifyQueue: nil)
        var seen: [Int] = []
        let token = store.subscribe { seen.append($0) }
        let doubled = store.derived { $0 * 2 }
        var derivedSeen: [Int] = []
        doubled.subscribe { derivedSeen.append($0) }
        store.update(2)
        store.update(3)
        store.unsubscribe(token)
        store.update(4)
        XCTAssertEqual(seen, [2, 3])
        XCTAssertEqual(derivedSeen, [4, 6, 8])
        XCTAssertEqual(doubled.state, 8)
    }
}
