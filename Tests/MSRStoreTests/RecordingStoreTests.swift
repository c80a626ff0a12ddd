import Foundation
@testable import MSRStore
import MSRModel
import MSRTestSupport
import XCTest

/// The embedded store: round trips, reopening, refusing what it cannot read, sharing pages.
final class RecordingStoreTests: XCTestCase {
    private func change(_ op: MSRModel.Operation, id: Int64, name: String? = nil, at t: Int64, pos: Int64) -> SourceChange {
        var c = SourceChange(table: TableName(schema: "public", name: "units"), op: op,
                             commitTime: Timestamp(micros: t), position: SourcePosition(pos),
                             columns: [ColumnSchema(name: "id", type: ColumnType(kind: "int64")),
                                       ColumnSchema(name: "name", type: ColumnType(kind: "string"))])
        if op == .delete {
            c.before = [Field("id", .int(id))]
        } else {
            c.after = [Field("id", .int(id)), Field("name", name.map { .string($0) } ?? .null)]
        }
        return c
    }

    func testEventsAndTablesSurviveReopening() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        do {
            let store = try SQLiteRecordingStore(creatingAt: path)
            let writer = try RecordingWriter(store: store)
            let report = try writer.write([
                change(.insert, id: 1, name: "a", at: 10, pos: 1),
                change(.insert, id: 2, name: "b", at: 20, pos: 2),
                change(.update, id: 1, name: "c", at: 30, pos: 3),
                change(.delete, id: 2, at: 40, pos: 4),
            ])
            XCTAssertEqual(report.written, 4)
            try store.addBookmark(Bookmark(time: Timestamp(micros: 25), label: "contact", note: "first shots"))
            store.close()
        }
        let store = try SQLiteRecordingStore(openingAt: path)
        let summary = try store.summary()
        XCTAssertEqual(summary.eventCount, 4)
        XCTAssertEqual(summary.firstCommit, Timestamp(micros: 10))
        XCTAssertEqual(summary.lastCommit, Timestamp(micros: 40))
        XCTAssertEqual(summary.tables.map(\.name.qualified), ["public.units"])
        XCTAssertEqual(summary.tables[0].keyColumnNames, ["id"])
        XCTAssertEqual(summary.tables[0].columns[1].type.kind, "string")
        let events = try store.events(in: 1...4, table: nil)
        XCTAssertEqual(events.map(\.op), [.insert, .insert, .update, .delete])
        // Invertible: the update and the delete carry full before-images.
        XCTAssertEqual(events[2].before, Row([.int(1), .string("a")]))
        XCTAssertEqual(events[2].after, Row([.int(1), .string("c")]))
        XCTAssertEqual(events[3].before, Row([.int(2), .string("b")]))
        XCTAssertNil(events[3].after)
        XCTAssertEqual(try store.lastSeq(atOrBefore: Timestamp(micros: 29)), 2)
        XCTAssertEqual(try store.lastSeq(atOrBefore: Timestamp(micros: 9)), 0)
        XCTAssertEqual(try store.rowCount(table: summary.tables[0].id, atSeq: 2), 2)
        XCTAssertEqual(try store.rowCount(table: summary.tables[0].id, atSeq: 4), 1)
        XCTAssertEqual(try store.bookmarks().map(\.label), ["contact"])
        XCTAssertEqual(try store.count(matching: EventQuery(ops: [.insert])), 2)
        XCTAssertEqual(try store.count(matching: EventQuery(fromTime: Timestamp(micros: 20), toTime: Timestamp(micros: 30))), 2)
    }

    func testWriterContinuesAnExistingRecording() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let first = try SQLiteRecordingStore(creatingAt: path)
        _ = try RecordingWriter(store: first).write([change(.insert, id: 1, name: "a", at: 10, pos: 1)])
        first.close()
        let again = try SQLiteRecordingStore(creatingAt: path)
        let report = try RecordingWriter(store: again).write([change(.update, id: 1, name: "b", at: 20, pos: 2)])
        XCTAssertEqual(report.written, 1)
        XCTAssertEqual(report.unseenRows, 0, "the writer picked up the row recorded before")
        XCTAssertEqual(try again.events(in: 2...2, table: nil).first?.before, Row([.int(1), .string("a")]))
    }

    func testNewerFormatIsRefusedWithAClearMessage() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let store = try SQLiteRecordingStore(creatingAt: path)
        try store.setMetaValue("format_version", "99")
        store.close()
        XCTAssertThrowsError(try SQLiteRecordingStore(openingAt: path)) { error in
            guard case RecordingError.newerVersion(_, let found, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(found, 99)
            XCTAssertTrue("\(error)".contains("upgrade msr"))
        }
    }

    func testFilesThatAreNotRecordingsAreRefused() throws {
        let dir = TemporaryDirectory()
        let text = dir.path("notes.msr")
        try "hello\n".write(toFile: text, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SQLiteRecordingStore(openingAt: text)) { error in
            guard case RecordingError.notARecording = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SQLiteRecordingStore(openingAt: dir.path("missing.msr"))) { error in
            guard case RecordingError.notFound = error else { return XCTFail("\(error)") }
        }
    }

    func testDamagedEventImageIsReportedNotTrusted() throws {
        let dir = TemporaryDirectory()
        let store = try SQLiteRecordingStore(creatingAt: dir.path("r.msr"))
        _ = try RecordingWriter(store: store).write([change(.insert, id: 1, name: "a", at: 10, pos: 1)])
        try store.db.execute("UPDATE events SET after = x'05ff' WHERE seq = 1")
        XCTAssertThrowsError(try store.events(in: 1...1, table: nil)) { error in
            guard case RecordingError.corrupt = error else { return XCTFail("\(error)") }
        }
    }

    /// Keyframes of a large table that changes in one place share all its other pages.
    func testKeyframesShareUnchangedPages() throws {
        let dir = TemporaryDirectory()
        let store = try SQLiteRecordingStore(creatingAt: dir.path("r.msr"), keyframeInterval: 50)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 50))
        var changes: [SourceChange] = []
        var pos: Int64 = 0
        for id in 1...2000 { pos += 1; changes.append(change(.insert, id: Int64(id), name: "n\(id)", at: pos, pos: pos)) }
        for i in 0..<1000 { pos += 1; changes.append(change(.update, id: 7, name: "u\(i)", at: pos, pos: pos)) }
        _ = try writer.write(changes)
        let table = try store.summary().tables[0].id
        let keyframes = try store.keyframes(table: table)
        XCTAssertEqual(keyframes.count, 60)
        let pages = try store.wrap { () throws -> Int64 in
            let s = try store.db.prepare("SELECT count(*) FROM pages")
            _ = try s.step()
            return s.int64(0)
        }
        // Without sharing: one page per leaf per keyframe (60 keyframes × ~40 leaves).
        XCTAssertLessThan(pages, 400, "\(pages) pages for \(keyframes.count) keyframes")
        let rows = try XCTUnwrap(store.loadKeyframe(table: table, seq: keyframes.last!.seq))
        XCTAssertEqual(rows.count, 2000)
        XCTAssertEqual(rows[RowKey([.int(7)])], Row([.int(7), .string("u999")]))
    }

    /// Keyframe pages are stored compressed, and a damaged page neither crashes a read-only
    /// reader (its leaf loads empty and is counted) nor gets trusted by a writer.
    func testKeyframePagesAreCompressedAndDamageIsContained() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 500)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 500))
        var changes: [SourceChange] = []
        for id in 1...1000 { changes.append(change(.insert, id: Int64(id), name: "unit name \(id % 7)", at: Int64(id), pos: Int64(id))) }
        _ = try writer.write(changes)
        let table = try store.summary().tables[0].id
        let seq = try XCTUnwrap(store.keyframes(table: table).last?.seq)
        let (pages, stored) = try store.wrap { () throws -> (Int64, Int64) in
            let s = try store.db.prepare("SELECT count(*), sum(length(data)) FROM pages")
            _ = try s.step()
            return (s.int64(0), s.int64(1))
        }
        // Uncompressed, a row of this table takes about 20 bytes.
        XCTAssertLessThan(stored, 1000 * 10, "\(stored) bytes in \(pages) pages")

        let reader = try SQLiteRecordingStore(openingAt: path)
        let whole = try XCTUnwrap(reader.loadKeyframe(table: table, seq: seq))
        reader.close()
        XCTAssertEqual(whole.count, 1000)
        XCTAssertEqual(whole.map(\.key).count, 1000, "a tree outlives the store it came from")
        XCTAssertEqual(whole[RowKey([.int(500)])], Row([.int(500), .string("unit name 3")]))

        try store.db.execute("UPDATE pages SET data = x'4003ffff' WHERE id = (SELECT min(id) FROM pages)")
        let damaged = try SQLiteRecordingStore(openingAt: path)
        let rows = try XCTUnwrap(damaged.loadKeyframe(table: table, seq: seq))
        XCTAssertEqual(rows[RowKey([.int(900)])], Row([.int(900), .string("unit name 4")]))
        XCTAssertNil(rows[RowKey([.int(1)])])
        XCTAssertEqual(damaged.damagedPages, 1)
        XCTAssertLessThan(rows.map(\.key).count, 1000)
        store.pageCache.removeAll()
        XCTAssertThrowsError(try store.loadKeyframe(table: table, seq: seq)) { error in
            guard case RecordingError.corrupt = error else { return XCTFail("\(error)") }
        }
    }
}
