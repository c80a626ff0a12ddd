@testable import MSRConsole
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// The console's filter tells apart text that differs only in normalisation or is a
/// look-alike, typed at the prompt as a reviewer would.
final class LookAlikeFilterTests: XCTestCase {
    private static let start: Int64 = 1_773_475_200_000_000

    /// One table, `ops.words`: for pair i, row 1000+10i holds `i:` and its first text, 1001+10i
    /// `i:` and its second (numbered, since two pairs share `Å`).
    private static func write(to path: String) throws {
        let store = try SQLiteRecordingStore(creatingAt: path)
        let writer = try RecordingWriter(store: store)
        let columns = [ColumnSchema(name: "id", type: ColumnType(kind: "int64")), ColumnSchema(name: "word", type: ColumnType(kind: "string"))]
        var changes: [SourceChange] = []
        for (i, pair) in LookAlikeText.all.enumerated() {
            for (j, text) in [pair.first, pair.second].enumerated() {
                let image = [Field("id", .int(Int64(1000 + 10 * i + j))), Field("word", .string("\(i):" + text))]
                changes.append(SourceChange(table: TableName(schema: "ops", name: "words"), op: .insert,
                                            commitTime: Timestamp(micros: start + Int64(changes.count + 1) * 1_000_000),
                                            position: SourcePosition(Int64(changes.count + 1)), keyFields: [image[0]], after: image,
                                            columns: columns, origin: changes.count + 1))
            }
        }
        _ = try writer.write(changes)
        store.close()
    }

    func testFilterMatchesOnlyTheTextTyped() throws {
        let h = try ConsoleHarness(width: 80, height: 30, write: Self.write)
        h.perform(.goTo("+00:01:00"))
        XCTAssertEqual(h.app.focusedPane?.rowCount, 2 * LookAlikeText.all.count, h.text)
        for (i, pair) in LookAlikeText.all.enumerated() {
            for (j, text) in [pair.first, pair.second].map({ "\(i):" + $0 }).enumerated() {
                for query in ["word=" + text, text, "word~" + text] {
                    h.press("/")
                    h.type(query)
                    h.press("enter")
                    XCTAssertEqual(h.app.focusedPane?.rowCount, 1, "\(pair.label): /\(query)\n\(h.text)")
                    XCTAssertTrue(h.text.contains("\(1000 + 10 * i + j)"), "\(pair.label): /\(query)\n\(h.text)")
                    XCTAssertFalse(h.text.contains("\(1000 + 10 * i + 1 - j)"), "\(pair.label): /\(query) shows its look-alike\n\(h.text)")
                }
            }
        }
    }
}
