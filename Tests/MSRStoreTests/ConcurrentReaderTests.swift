import Foundation
@testable import MSRStore
import MSRModel
import MSRTestSupport
import XCTest

/// A connection opened for reading sees what other connections commit later, whatever it
/// read before: the console reads bookmarks, saved layouts and a live capture's events that
/// way.
final class ConcurrentReaderTests: XCTestCase {
    func testAReaderSeesLaterCommitsAfterPartReadQueries() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let writer = try SQLiteRecordingStore(creatingAt: path)
        let table = TableName(schema: "public", name: "units")
        func change(_ id: Int64, at t: Int64) -> SourceChange {
            SourceChange(table: table, op: .insert, commitTime: Timestamp(micros: t), position: SourcePosition(t),
                         keyFields: [Field("id", .int(id))], after: [Field("id", .int(id))])
        }
        _ = try RecordingWriter(store: writer).write([change(1, at: 10), change(2, at: 20)])
        let reader = try SQLiteRecordingStore(openingAt: path)
        // Queries that read one row of several and stop.
        XCTAssertEqual(try reader.lastSeq(atOrBefore: Timestamp(micros: 15)), 1)
        XCTAssertNotNil(try reader.metaValue("format_version"))
        XCTAssertEqual(try reader.rowCount(table: 1, atSeq: 2), 2)
        try writer.addBookmark(Bookmark(time: Timestamp(micros: 15), label: "later", note: ""))
        try writer.setMetaValue("console.layout", "{}")
        _ = try RecordingWriter(store: writer).write([change(3, at: 30)])
        XCTAssertEqual(try reader.bookmarks().map(\.label), ["later"])
        XCTAssertEqual(try reader.metaValue("console.layout"), "{}")
        XCTAssertEqual(try reader.summary().lastSeq, 3)
    }
}
