import Foundation
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Single bytes of a real recording file damaged at many places: every answer the engine
/// gives is either what the whole file gives or an error saying the recording is damaged.
final class DamagedRecordingTests: XCTestCase {
    /// Everything a reader can be asked, as text: the tables, every event, and each table's
    /// rows at several moments (reached from keyframes, lazily, both ways).
    private func answers(_ path: String) throws -> String {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let summary = try store.summary()
        var out = "\(summary.tables)\n"
        for e in try store.events(in: 1...max(1, summary.lastSeq), table: nil) { out += "\(e)\n" }
        for t in summary.tables {
            let cursor = TableCursor(store: store, schema: t)
            for seq in [summary.lastSeq, summary.lastSeq / 2, summary.lastSeq / 3 + 7, summary.lastSeq * 3 / 4, 0] {
                try cursor.seek(toSeq: seq)
                out += "\(t.name) @\(seq) \(cursor.state.count) rows: "
                out += cursor.state.rows.map { "\($0.row.values)" }.joined(separator: ";") + "\n"
                out += "count \(try store.rowCount(table: t.id, atSeq: seq))\n"
            }
        }
        for time in [summary.firstCommit, summary.lastCommit].compactMap({ $0 }) {
            out += "seq at \(time.micros): \(try store.lastSeq(atOrBefore: time))\n"
        }
        // Rows read from damaged pages load empty: the reader must say so after.
        try store.damage.check()
        return out
    }

    private func writeRecording(_ path: String, count: Int = 700) throws {
        var stream = RandomChangeStream(seed: 7, keySpace: 300)
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 40)
        let writer = try RecordingWriter(store: store, options: WriterOptions(
            keyframeInterval: 40, keyOverrides: ["ops.beta": ["region", "n"]]))
        _ = try writer.write(stream.changes(count, truncates: true))
        store.close()
    }

    /// The b-tree (table or index) whose page holds `position`, for messages.
    private func owner(of position: Int, in path: String) throws -> String {
        let db = try SQLiteDatabase(path: path, create: false)
        let rows = try db.query("SELECT name, pagetype FROM dbstat WHERE pageno = ?", [.int(Int64(position / 16384 + 1))])
        return rows.map { "\($0)" }.joined(separator: ",")
    }

    private func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n"), lb = b.split(separator: "\n")
        for (x, y) in zip(la, lb) where x != y { return "\(x.prefix(150)) | \(y.prefix(150))" }
        return "lines \(la.count) vs \(lb.count)"
    }

    func testEveryDamagedByteIsReportedOrChangesNothing() throws {
        let dir = TemporaryDirectory()
        let original = dir.path("whole.msr")
        try writeRecording(original)
        XCTAssertFalse(FileManager.default.fileExists(atPath: original + "-wal"), "closing checkpoints the log")
        let whole = try answers(original)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original))
        let copy = dir.path("damaged.msr")
        var reported = 0, unchanged = 0
        var silent: [String] = []
        // Every 613th byte, two flips of each: page headers, cells, records, indexes,
        // free space, with the first 100 bytes (the header) too.
        let positions = Array(stride(from: 0, to: bytes.count, by: 613))
        for position in positions {
            for flip: UInt8 in [0x01, 0xFF] {
                var damaged = bytes
                damaged[position] ^= flip
                try? FileManager.default.removeItem(atPath: copy)
                try damaged.write(to: URL(fileURLWithPath: copy))
                do {
                    let got = try answers(copy)
                    if got == whole { unchanged += 1 } else { silent.append("byte \(position) ^ \(flip) in \(try owner(of: position, in: original)): \(firstDifference(got, whole))") }
                } catch let error as RecordingError {
                    reported += 1
                    XCTAssertFalse(String(describing: error).contains("SQLite error"), "\(error)")
                }
            }
        }
        XCTAssertEqual(silent, [], "damage shown as data")
        XCTAssertGreaterThan(reported, 40, "the damage hit stored rows")
        print("damaged bytes: \(positions.count * 2) variants, \(reported) reported, \(unchanged) unchanged")
    }

    /// A feed over a damaged event stops with an error naming it; over a damaged page, the
    /// frame (and the feed) say so once its rows were looked at.
    func testTheFeedAndItsFramesCarryTheDamage() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        try writeRecording(path, count: 6000)
        let db = try SQLiteDatabase(path: path, create: false)
        let table = try SQLiteRecordingStore(openingAt: path).summary().table(named: "alpha")
        let open: @Sendable () throws(RecordingError) -> RecordingStore = { () throws(RecordingError) -> RecordingStore in
            try SQLiteRecordingStore(openingAt: path)
        }
        let timeline = try Timeline(store: try open())
        func plan(_ seq: Int64) throws -> FeedPlan {
            FeedPlan(seq: seq, time: try timeline.time(ofSeq: seq), speed: .realTime, direction: .forward, isPlaying: false)
        }
        // Damage the pages of the last keyframe: a jump to the end reads them.
        try db.execute("UPDATE pages SET data = zeroblob(length(data)) WHERE table_id = \(table.id) AND created_seq = (SELECT max(created_seq) FROM pages WHERE table_id = \(table.id))")
        let feed = TableFeed(table: table, openStore: open, notifyQueue: DispatchQueue(label: "test"))
        _ = feed.frame(for: try plan(timeline.lastSeq))
        if let frame = feed.waitForFrame(seq: timeline.lastSeq, timeout: 20) {
            _ = frame.state.rows.map(\.key).count
            XCTAssertNotNil(frame.damage)
        }
        let error = try XCTUnwrap(feed.error)
        XCTAssertTrue("\(error)".contains("keyframe page") && "\(error)".contains("of table public.alpha"), "\(error)")

        // A damaged event on the way.
        let events = try SQLiteRecordingStore(openingAt: path).events(in: 1...200, table: table.id)
        let victim = events[events.count / 2].seq
        try db.execute("UPDATE events SET commit_time = commit_time + 1 WHERE seq = \(victim)")
        let walker = TableFeed(table: table, openStore: open, notifyQueue: DispatchQueue(label: "test"))
        _ = walker.frame(for: try plan(300))
        XCTAssertNil(walker.waitForFrame(seq: 300, timeout: 20))
        XCTAssertTrue("\(String(describing: walker.error))".contains("event \(victim) of table public.alpha does not match its checksum"),
                      "\(String(describing: walker.error))")
    }
}
