import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// A table big enough that its keyframes load as lazy runs of pages, read through a read-only
/// store, against the same recording read through a writable store (whole keyframes).
final class LazyKeyframeTests: XCTestCase {
    private let columns = [ColumnSchema(name: "id", type: ColumnType(kind: "int64")),
                           ColumnSchema(name: "v", type: ColumnType(kind: "string"))]

    private func change(_ op: MSRModel.Operation, _ id: Int64, _ v: String, at t: Int64) -> SourceChange {
        var c = SourceChange(table: TableName(schema: "ops", name: "big"), op: op, commitTime: Timestamp(micros: t),
                             position: SourcePosition(t), columns: columns)
        if op == .delete {
            c.before = [Field("id", .int(id))]
        } else {
            c.after = [Field("id", .int(id)), Field("v", .string(v))]
        }
        return c
    }

    func testSeeksAndWindowsOfABigTableAgreeWithWholeKeyframes() throws {
        var rng = SeededRandom(seed: 31)
        var changes: [SourceChange] = []
        var live: [Int64] = []
        var next: Int64 = 0
        var t: Int64 = 0
        for _ in 0..<7000 {
            t += 1
            next += 3
            live.append(next)
            changes.append(change(.insert, next, "row \(next)", at: t))
        }
        for i in 0..<6000 {
            t += 1
            let roll = Int.random(in: 0..<10, using: &rng)
            if roll < 2 {
                next += 1
                live.append(next)
                changes.append(change(.insert, next, "late \(i)", at: t))
            } else if roll < 4, !live.isEmpty {
                let at = Int.random(in: 0..<live.count, using: &rng)
                changes.append(change(.delete, live.remove(at: at), "", at: t))
            } else if let id = live.randomElement(using: &rng) {
                changes.append(change(.update, id, "update \(i)", at: t))
            }
        }
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let writable = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 1500)
        _ = try RecordingWriter(store: writable, options: WriterOptions(keyframeInterval: 1500)).write(changes)
        let readOnly = try SQLiteRecordingStore(openingAt: path)
        let schema = try readOnly.summary().table(named: "big")
        let lazy = TableCursor(store: readOnly, schema: schema)
        let eager = TableCursor(store: writable, schema: schema)
        let last = try readOnly.summary().lastSeq
        for _ in 0..<40 {
            let seq = Int64.random(in: 6000...last, using: &rng)
            try lazy.seek(toSeq: seq)
            try eager.seek(toSeq: seq)
            XCTAssertEqual(lazy.state.count, eager.state.count, "count at \(seq)")
            let key = RowKey([.int(Int64.random(in: 0...(next + 5), using: &rng))])
            let a = lazy.state.rows.window(from: lazy.state.rows.offset(of: key), limit: 60)
            let b = eager.state.rows.window(from: eager.state.rows.offset(of: key), limit: 60)
            XCTAssertEqual(a.map(\.key), b.map(\.key), "window from \(key) at \(seq)")
            XCTAssertEqual(a.map(\.row), b.map(\.row), "rows from \(key) at \(seq)")
            XCTAssertEqual(lazy.state.rows.offset(of: key), eager.state.rows.offset(of: key))
        }
        try lazy.seek(toSeq: last)
        try eager.seek(toSeq: last)
        XCTAssertGreaterThan(eager.state.count, 6000, "the table spans several runs of 32 pages")
        XCTAssertTrue(sameRows(lazy.state, eager.state))
        XCTAssertEqual(readOnly.damagedPages, 0)
    }
}
