import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// `ALTER TABLE … ALTER COLUMN … TYPE` mid-capture: the column has its new type from the first
/// change after it, the change is kept as a schema version, and info shows the current type.
final class ColumnTypeChangeTests: LiveCaptureTestCase {
    func testSchemaIsVersionedAtATypeChange() throws {
        try sql("CREATE TABLE ty (id int PRIMARY KEY, v int); INSERT INTO ty VALUES (1, 5)")
        let capture = try startCapture(["--tables", "ty,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 1 row"), capture.stderr)
        try sql("INSERT INTO ty VALUES (2, 6)")
        try sql("ALTER TABLE ty ALTER COLUMN v TYPE text USING v::text")
        try sql("INSERT INTO ty VALUES (3, 'seven')")
        try sql("UPDATE ty SET v = 'eight' WHERE id = 1")
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("ty", key: ["id"]), "after the type change")

        let (events, tables) = try allEvents()
        let schema = try XCTUnwrap(tables.first { $0.name.name == "ty" })
        XCTAssertEqual(schema.columns.map(\.type.kind), ["int4", "text"])
        let rows = events.filter { $0.table == schema.id }
        let before = try XCTUnwrap(rows.first { $0.op == .insert && $0.key == RowKey([.int(2)]) })
        let after = try XCTUnwrap(rows.first { $0.op == .insert && $0.key == RowKey([.int(3)]) })
        XCTAssertEqual(before.after?[1], .int(6))
        XCTAssertEqual(after.after?[1], .string("seven"))

        let store = try SQLiteRecordingStore(openingAt: recording)
        let versions = try store.columnTypeChanges()
        store.close()
        XCTAssertEqual(versions.map(\.column), ["v"])
        XCTAssertEqual(versions.first?.seq, after.seq, "the new type starts at the first change after the ALTER")
        XCTAssertEqual(versions.first?.from.kind, "int4")
        XCTAssertEqual(versions.first?.to.kind, "text")

        let info = try MSRBinary.run(["info", recording]).stdout
        XCTAssertTrue(info.contains("v                        text"), info)
        XCTAssertTrue(info.contains("was int4 before event \(after.seq)"), info)
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
