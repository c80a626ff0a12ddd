import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Reconstruction against a brute-force replay from the start, on random event streams.
final class ReconstructionOracleTests: XCTestCase {
    let keys: [TableName: [String]] = [RandomChangeStream.tableA: ["id"], RandomChangeStream.tableB: ["region", "n"]]

    private func record(_ changes: [SourceChange], in dir: TemporaryDirectory, interval: Int,
                        writes: Int = 1) throws -> SQLiteRecordingStore {
        let store = try SQLiteRecordingStore(creatingAt: dir.path("r.msr"))
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: interval, batchSize: 37, keyOverrides: ["ops.beta": ["region", "n"]]))
        let size = (changes.count + writes - 1) / writes
        for start in stride(from: 0, to: changes.count, by: size) {
            let report = try writer.write(Array(changes[start..<min(start + size, changes.count)]))
            XCTAssertTrue(report.rejected.isEmpty, "\(report.rejected.first.map { "\($0.error)" } ?? "")")
        }
        return store
    }

    private func assertSame(_ state: TableState, _ schema: TableSchema, _ expected: [[Value]: ReplayOracle.NamedRow]?,
                            _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        var actual: [[Value]: ReplayOracle.NamedRow] = [:]
        for (k, row) in state.rows { actual[k.values] = ReplayOracle.named(row, columns: schema.columns) }
        let want = (expected ?? [:]).mapValues(ReplayOracle.withoutNulls)
        XCTAssertEqual(actual.count, want.count, "row count of \(schema.name.qualified) \(context)", file: file, line: line)
        for (k, row) in want where actual[k] != row {
            XCTFail("\(schema.name.qualified) \(context): key \(k) is \(actual[k].map { "\($0)" } ?? "missing"), expected \(row)", file: file, line: line)
            return
        }
    }

    /// Random seeks in both directions, through keyframes and truncates, against the oracle.
    func testRandomSeeksMatchReplayFromStart() throws {
        for seed in UInt64(1)...6 {
            var stream = RandomChangeStream(seed: seed)
            var changes = stream.changes(700)
            var rng = SeededRandom(seed: seed &* 77)
            changes.shuffle(using: &rng)
            let dir = TemporaryDirectory()
            let store = try record(changes, in: dir, interval: Int.random(in: 3...25, using: &rng))
            let oracle = ReplayOracle(changes: changes, keyColumns: keys)
            let r = try Reconstructor(store: store)
            XCTAssertEqual(r.summary.eventCount, Int64(oracle.ordered.count))
            let times = oracle.ordered.map(\.commitTime)
            for _ in 0..<40 {
                let t = times[Int.random(in: 0..<times.count, using: &rng)] + Int64.random(in: -1...1, using: &rng)
                let expected = oracle.state(at: t)
                for schema in r.summary.tables {
                    assertSame(try r.state(of: schema, at: t), schema, expected[schema.name], "at \(t) seed \(seed)")
                }
            }
        }
    }

    /// A table of hundreds of rows (several keyframe pages), read through a read-only store,
    /// whose keyframes load lazily: random seeks both ways and windows by key agree with the
    /// oracle, and with a writable store that reads keyframes whole.
    func testLazyKeyframesOfABigTableMatchReplayFromStart() throws {
        var stream = RandomChangeStream(seed: 21, keySpace: 3000)
        let changes = stream.changes(9000, truncates: false)
        let dir = TemporaryDirectory()
        let writable = try record(changes, in: dir, interval: 150)
        let oracle = ReplayOracle(changes: changes, keyColumns: keys)
        let readOnly = try SQLiteRecordingStore(openingAt: dir.path("r.msr"))
        let schema = try readOnly.summary().table(named: "alpha")
        let lazy = TableCursor(store: readOnly, schema: schema)
        let eager = TableCursor(store: writable, schema: schema)
        var rng = SeededRandom(seed: 4)
        let times = oracle.ordered.map(\.commitTime)
        var biggest = 0
        for _ in 0..<60 {
            let t = times[Int.random(in: 0..<times.count, using: &rng)]
            let seq = try readOnly.lastSeq(atOrBefore: t)
            try lazy.seek(toSeq: seq)
            try eager.seek(toSeq: seq)
            let expected = oracle.state(at: t)[schema.name]
            biggest = max(biggest, expected?.count ?? 0)
            let k = RowKey([.int(Int64.random(in: 1...3000, using: &rng))])
            let window = lazy.state.rows.window(from: lazy.state.rows.offset(of: k), limit: 60)
            let wanted = (expected ?? [:]).keys.filter { RowKey($0) >= k }.sorted { RowKey($0) < RowKey($1) }.prefix(60)
            XCTAssertEqual(window.map(\.key.values), Array(wanted), "window from \(k) at \(t)")
            XCTAssertEqual(lazy.state.count, expected?.count ?? 0, "count at \(t)")
            XCTAssertTrue(sameRows(lazy.state, eager.state), "lazy and eager at \(t)")
            assertSame(lazy.state, schema, expected, "lazy at \(t)")
        }
        XCTAssertGreaterThan(biggest, 300, "the table spans several keyframe pages")
        XCTAssertEqual(readOnly.damagedPages, 0)
    }

    /// Stepping one event at a time forward to the end and back to the start.
    func testStepForwardAndBackEventByEvent() throws {
        var stream = RandomChangeStream(seed: 42)
        let changes = stream.changes(300)
        let dir = TemporaryDirectory()
        let store = try record(changes, in: dir, interval: 9)
        let oracle = ReplayOracle(changes: changes, keyColumns: keys)
        let schema = try store.summary().table(named: "alpha")
        let cursor = TableCursor(store: store, schema: schema)
        var positions: [Int64] = [0]
        while let e = try cursor.step(forward: true) {
            positions.append(e.seq)
            assertSame(cursor.state, schema, oracle.state(afterFirst: Int(e.seq))[schema.name], "after step to \(e.seq)")
        }
        XCTAssertGreaterThan(positions.count, 100)
        while let e = try cursor.step(forward: false) {
            assertSame(cursor.state, schema, oracle.state(afterFirst: Int(e.seq - 1))[schema.name], "after step back over \(e.seq)")
        }
        // Back before the table's first event: nothing of it exists yet.
        XCTAssertEqual(cursor.seq, positions[1] - 1)
        XCTAssertEqual(cursor.state.count, 0)
    }

    /// Input written in several batches that arrive out of order re-derives the tail and still
    /// equals the replay of everything.
    func testLateBatchesAreMergedIntoHistory() throws {
        var stream = RandomChangeStream(seed: 9)
        let changes = stream.changes(400)
        let reordered = Array(changes[200...]) + Array(changes[..<200])
        let dir = TemporaryDirectory()
        let store = try record(reordered, in: dir, interval: 11, writes: 4)
        let oracle = ReplayOracle(changes: changes, keyColumns: keys)
        let r = try Reconstructor(store: store)
        let end = changes.map(\.commitTime).max()!
        for schema in r.summary.tables {
            for t in stride(from: changes[0].commitTime.micros, through: end.micros, by: Int(max(1, (end.micros - changes[0].commitTime.micros) / 15))) {
                let ts = Timestamp(micros: t)
                assertSame(try r.state(of: schema, at: ts), schema, oracle.state(at: ts)[schema.name], "at \(t)")
            }
        }
    }

    /// Writing the same changes again records nothing new.
    func testReingestChangesNothing() throws {
        var stream = RandomChangeStream(seed: 5)
        let changes = stream.changes(250)
        let dir = TemporaryDirectory()
        let store = try record(changes, in: dir, interval: 10)
        let before = try store.summary().eventCount
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 10, keyOverrides: ["ops.beta": ["region", "n"]]))
        let report = try writer.write(changes)
        XCTAssertEqual(report.written, 0)
        XCTAssertEqual(report.duplicates, changes.count)
        XCTAssertEqual(try store.summary().eventCount, before)
    }

    /// The diff between two times lists exactly the oracle's differences.
    func testDiffMatchesOracle() throws {
        var stream = RandomChangeStream(seed: 3)
        let changes = stream.changes(500)
        let dir = TemporaryDirectory()
        let store = try record(changes, in: dir, interval: 15)
        let oracle = ReplayOracle(changes: changes, keyColumns: keys)
        let r = try Reconstructor(store: store)
        var rng = SeededRandom(seed: 11)
        for _ in 0..<20 {
            let a = changes[Int.random(in: 0..<changes.count, using: &rng)].commitTime
            let b = changes[Int.random(in: 0..<changes.count, using: &rng)].commitTime
            for schema in r.summary.tables {
                let d = try r.diff(of: schema, from: a, to: b)
                let sa = (oracle.state(at: a)[schema.name] ?? [:]).mapValues(ReplayOracle.withoutNulls)
                let sb = (oracle.state(at: b)[schema.name] ?? [:]).mapValues(ReplayOracle.withoutNulls)
                XCTAssertEqual(Set(d.inserted.map(\.key.values)), Set(sb.keys).subtracting(sa.keys))
                XCTAssertEqual(Set(d.deleted.map(\.key.values)), Set(sa.keys).subtracting(sb.keys))
                let changed = Set(sa.keys).intersection(sb.keys).filter { sa[$0] != sb[$0] }
                XCTAssertEqual(Set(d.updated.map(\.key.values)), changed)
            }
        }
    }
}
