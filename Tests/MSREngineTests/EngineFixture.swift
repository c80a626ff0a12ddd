import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport

/// A small random recording on disk, and the way to open more connections to it.
final class EngineFixture {
    let dir = TemporaryDirectory()
    let path: String
    let changes: [SourceChange]
    let store: SQLiteRecordingStore

    init(seed: UInt64 = 1, count: Int = 600, interval: Int = 20, truncates: Bool = true) throws {
        path = dir.path("r.msr")
        var stream = RandomChangeStream(seed: seed)
        changes = stream.changes(count, truncates: truncates)
        store = try SQLiteRecordingStore(creatingAt: path)
        let writer = try RecordingWriter(store: store, options: WriterOptions(
            keyframeInterval: interval, keyOverrides: ["ops.beta": ["region", "n"]]))
        _ = try writer.write(changes)
    }

    var open: @Sendable () throws(RecordingError) -> RecordingStore {
        let p = path
        return { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: p) }
    }

    func table(_ name: String) throws -> TableSchema { try store.summary().table(named: name) }

    /// The state at `seq` computed independently, by a fresh cursor.
    func state(_ table: TableSchema, atSeq seq: Int64) throws -> TableState {
        let c = TableCursor(store: try SQLiteRecordingStore(openingAt: path), schema: table)
        try c.seek(toSeq: seq)
        return c.state
    }
}

func sameRows(_ a: TableState, _ b: TableState) -> Bool {
    a.count == b.count && zip(a.rows, b.rows).allSatisfy { $0.key == $1.key && $0.row.sameCells(as: $1.row) }
}
