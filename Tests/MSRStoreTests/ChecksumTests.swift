import Foundation
@testable import MSRStore
import MSRModel
import MSRTestSupport
import XCTest

/// Single bytes of stored event images, keyframe pages and directories changed through
/// SQLite: every change is reported as damage naming the recording, the table and the seq,
/// never read as data.
final class ChecksumTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var path = ""
    private var writer: SQLiteRecordingStore!

    override func setUpWithError() throws {
        dir = TemporaryDirectory()
        path = dir.path("r.msr")
        var stream = RandomChangeStream(seed: 3, keySpace: 300)
        writer = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 40)
        _ = try RecordingWriter(store: writer, options: WriterOptions(keyframeInterval: 40, keyOverrides: ["ops.beta": ["region", "n"]]))
            .write(stream.changes(500, truncates: false))
    }

    override func tearDown() {
        writer?.close()
        writer = nil
        dir = nil
    }

    private func blob(_ sql: String, _ id: Int64) throws -> [UInt8]? {
        try writer.wrap { () throws -> [UInt8]? in
            let s = try writer.db.prepare(sql)
            try s.reset(.int(id))
            return try s.step() ? s.blob(0) : nil
        }
    }

    private func set(_ sql: String, _ value: [UInt8], _ id: Int64) throws {
        try writer.wrap { try writer.db.prepare(sql).run(.blob(value), .int(id)) }
    }

    private func assertDamaged(_ body: @autoclosure () throws -> Any?, mentions: [String], file: StaticString = #filePath, line: UInt = #line) {
        do {
            let got = try body()
            XCTFail("damage read as data: \(String(describing: got).prefix(200))", file: file, line: line)
        } catch {
            let text = String(describing: error)
            guard case RecordingError.corrupt = error else { return XCTFail(text, file: file, line: line) }
            for m in mentions + [path] { XCTAssertTrue(text.contains(m), "\(m) not in: \(text)", file: file, line: line) }
        }
    }

    func testEveryByteOfEveryImageIsCovered() throws {
        let reader = try SQLiteRecordingStore(openingAt: path)
        let tables = try reader.tables()
        let events = try reader.events(in: 1...500, table: nil)
        // Updates carry all four images (a partial one its `given` mask); take some of each kind.
        let sample = Array(events.filter { $0.op == .update && $0.givenColumns != nil }.prefix(3))
            + Array(events.filter { $0.op == .update && $0.givenColumns == nil }.prefix(2))
            + Array(events.filter { $0.op == .insert }.prefix(2)) + Array(events.filter { $0.op == .delete }.prefix(2))
        XCTAssertGreaterThanOrEqual(sample.count, 8)
        var variants = 0
        for e in sample {
            let name = try XCTUnwrap(tables.first { $0.id == e.table }).name.qualified
            for column in ["key", "before", "after", "given"] {
                guard let original = try blob("SELECT \(column) FROM events WHERE seq = ?", e.seq) else { continue }
                for i in original.indices {
                    for flip: UInt8 in [0x01, 0x80] {
                        var damaged = original
                        damaged[i] ^= flip
                        try set("UPDATE events SET \(column) = ? WHERE seq = ?", damaged, e.seq)
                        assertDamaged(try reader.events(in: e.seq...e.seq, table: nil), mentions: ["event \(e.seq) of table \(name)", "checksum"])
                        assertDamaged(try reader.events(in: 1...500, table: e.table), mentions: ["event \(e.seq)"])
                        assertDamaged(try reader.adjacentEvent(table: e.table, from: e.seq - 1, forward: true), mentions: ["event \(e.seq)"])
                        variants += 1
                    }
                }
                try set("UPDATE events SET \(column) = ? WHERE seq = ?", original, e.seq)
                XCTAssertEqual(try reader.events(in: e.seq...e.seq, table: nil).first?.seq, e.seq)
            }
            // The other columns, each by one.
            for column in ["commit_time", "position", "table_id", "op", "row_count", "prev_seq", "checksum"] {
                try writer.wrap { try writer.db.execute("UPDATE events SET \(column) = \(column) + 1 WHERE seq = \(e.seq)") }
                assertDamaged(try reader.events(in: e.seq...e.seq, table: nil), mentions: ["event \(e.seq)"])
                assertDamaged(try reader.commitTime(ofSeq: e.seq), mentions: ["event \(e.seq)"])
                try writer.wrap { try writer.db.execute("UPDATE events SET \(column) = \(column) - 1 WHERE seq = \(e.seq)") }
                variants += 1
            }
        }
        XCTAssertGreaterThan(variants, 400)
        XCTAssertEqual(try reader.events(in: 1...500, table: nil).count, 500, "restored, it reads whole again")
    }

    func testAnEventMovedOrHiddenFromTheIndexIsMissed() throws {
        let reader = try SQLiteRecordingStore(openingAt: path)
        let table = try reader.tables()[0]
        let mine = try reader.events(in: 1...500, table: table.id)
        let middle = mine[mine.count / 2].seq
        // An event under another seq: the one it was is missing from every read.
        try writer.wrap { try writer.db.execute("UPDATE events SET seq = 100000 + seq WHERE seq = \(middle)") }
        assertDamaged(try reader.events(in: 1...500, table: nil), mentions: ["event \(middle) is missing"])
        assertDamaged(try reader.events(in: 1...500, table: table.id), mentions: ["missing", table.name.qualified])
        assertDamaged(try reader.rowCount(table: table.id, atSeq: middle), mentions: ["missing"])
        try writer.wrap { try writer.db.execute("UPDATE events SET seq = seq - 100000 WHERE seq = \(100000 + middle)") }
        XCTAssertEqual(try reader.events(in: 1...500, table: table.id).count, mine.count)
        // The last event of a table gone from the index (and the table) is missed too.
        let last = mine[mine.count - 1].seq
        try writer.wrap { try writer.db.execute("DELETE FROM events WHERE seq = \(last)") }
        assertDamaged(try reader.events(in: 1...500, table: table.id), mentions: ["missing"])
        assertDamaged(try reader.adjacentEvent(table: table.id, from: mine[mine.count - 2].seq, forward: true), mentions: ["missing"])
    }

    func testEveryByteOfAPageAndOfADirectoryIsCovered() throws {
        let table = try writer.tables().first { $0.name.name == "alpha" }!
        let keyframe = try XCTUnwrap(writer.keyframes(table: table.id).last)
        let directory = try XCTUnwrap(blob("SELECT pages FROM keyframes WHERE seq = ?", keyframe.seq))
        let entries = try KeyframePage.decodeDirectory(directory)
        let page = entries[0].id
        let original = try XCTUnwrap(blob("SELECT data FROM pages WHERE id = ?", page))
        let place = ["keyframe page \(page) of table public.alpha (keyframe at seq \(keyframe.seq))", "checksum"]
        for i in original.indices {
            var damaged = original
            damaged[i] ^= 0x04
            try set("UPDATE pages SET data = ? WHERE id = ?", damaged, page)
            // Read lazily, the page loads empty and the store says so after.
            let reader = try SQLiteRecordingStore(openingAt: path)
            let rows = try XCTUnwrap(reader.loadKeyframe(table: table.id, seq: keyframe.seq))
            XCTAssertLessThan(rows.map(\.key).count, keyframe.rowCount)
            XCTAssertEqual(reader.damagedPages, 1)
            assertDamaged(try reader.damage.check(), mentions: place)
            reader.close()
            // Read whole, it throws.
            let whole = try SQLiteRecordingStore(openingAt: path, writable: true)
            assertDamaged(try whole.loadKeyframe(table: table.id, seq: keyframe.seq), mentions: place)
            whole.close()
        }
        try set("UPDATE pages SET data = ? WHERE id = ?", original, page)
        let reader = try SQLiteRecordingStore(openingAt: path)
        for i in directory.indices {
            var damaged = directory
            damaged[i] ^= 0x10
            try writer.wrap { try writer.db.prepare("UPDATE keyframes SET pages = ? WHERE table_id = ? AND seq = ?")
                .run(.blob(damaged), .int(table.id), .int(keyframe.seq)) }
            assertDamaged(try reader.loadKeyframe(table: table.id, seq: keyframe.seq), mentions: ["keyframe at seq \(keyframe.seq) of table public.alpha"])
            assertDamaged(try reader.nearestKeyframe(table: table.id, to: keyframe.seq, atOrBefore: true), mentions: ["keyframe at seq \(keyframe.seq)"])
        }
        try writer.wrap { try writer.db.execute("UPDATE keyframes SET pages = x'\(directory.map { String(format: "%02x", $0) }.joined())', row_count = row_count + 1 WHERE seq = \(keyframe.seq)") }
        assertDamaged(try reader.loadKeyframe(table: table.id, seq: keyframe.seq), mentions: ["keyframe at seq \(keyframe.seq)"])
        // A page's bytes put under another page's id do not pass either.
        try writer.wrap { try writer.db.execute("UPDATE keyframes SET row_count = row_count - 1 WHERE seq = \(keyframe.seq)") }
        let other = try XCTUnwrap(blob("SELECT data FROM pages WHERE id != ?1 AND table_id = (SELECT table_id FROM pages WHERE id = ?1) ORDER BY id LIMIT 1", page))
        XCTAssertNotEqual(other, original)
        try set("UPDATE pages SET data = ? WHERE id = ?", other, page)
        let fresh = try SQLiteRecordingStore(openingAt: path)
        let rows = try XCTUnwrap(fresh.loadKeyframe(table: table.id, seq: keyframe.seq))
        _ = rows.map(\.key).count
        assertDamaged(try fresh.damage.check(), mentions: place)
    }

    func testADamagedTableDefinitionIsReported() throws {
        try writer.wrap { try writer.db.execute("UPDATE source_tables SET definition = replace(definition, 'region', 'regioN')") }
        let reader = try SQLiteRecordingStore(openingAt: path)
        assertDamaged(try reader.tables(), mentions: ["definition of table id", "checksum"])
    }
}
