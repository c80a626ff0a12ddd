import MSRModel
import MSRStore

/// Where a console opens when the reviewer has not left a position: the first moment at which
/// every shown table holds rows, so the first screen is never a set of empty grids.
public enum OpeningPoint {
    /// How many events of one table are looked at for its first row: a table's first events
    /// are nearly always inserts, and a table whose first rows come later than this (deletes
    /// of rows the snapshot did not hold) simply does not move the opening point.
    public static let probeLimit = 64

    /// The earliest seq at which each of `tables` that ever holds a row holds one; 0 when none
    /// ever does. A table with rows at seq 0 (nothing recorded before it) needs nothing.
    public static func seq(showing tables: [TableID], in store: RecordingStore) throws(RecordingError) -> Int64 {
        var latest: Int64 = 0
        for table in tables {
            if let first = try firstSeqWithRows(table: table, in: store) { latest = max(latest, first) }
        }
        return latest
    }

    /// The first seq after which `table` has at least one row, if it gets one soon enough.
    static func firstSeqWithRows(table: TableID, in store: RecordingStore) throws(RecordingError) -> Int64? {
        var seq: Int64 = 0
        for _ in 0..<probeLimit {
            guard let event = try store.adjacentEvent(table: table, from: seq, forward: true) else { return nil }
            seq = event.seq
            if try store.rowCount(table: table, atSeq: seq) > 0 { return seq }
        }
        return nil
    }
}
