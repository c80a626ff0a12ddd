/// The rows of one table at one position of a recording.
///
/// A value: copying it is cheap and shares structure, so a frame can hand it to another thread.
public struct TableState: Sendable {
    public var table: TableID
    /// Indexes of the key columns, in key order.
    public var keyColumns: [Int]
    public var rows: RowTree
    /// The sequence number of the last event applied (0 before any).
    public var seq: Int64

    public init(table: TableID, keyColumns: [Int], rows: RowTree = RowTree(), seq: Int64 = 0) {
        self.table = table
        self.keyColumns = keyColumns
        self.rows = rows
        self.seq = seq
    }

    public var count: Int { rows.count }

    public subscript(key: RowKey) -> Row? { rows[key] }

    /// Applies an event going forward. A truncate empties the table.
    public mutating func apply(_ event: ChangeEvent) {
        if event.op == .truncate {
            rows.removeAll()
        } else {
            // Recorded events agree with the state they apply to (the writer derived their
            // before-images from it), so a lazy keyframe leaf need not be read to apply one.
            let afterKey = event.after?.key(keyColumns)
            let beforeKey = event.before?.key(keyColumns)
            if let beforeKey, beforeKey != afterKey { rows.delete(beforeKey) }
            if let after = event.after, let key = afterKey { rows.put(after, for: key, isNew: beforeKey != key) }
        }
        seq = event.seq
    }

    /// Undoes an event, going backward. Reverting a truncate needs the rows it removed, which
    /// the caller takes from the keyframe stored just before it (`restoring`).
    public mutating func revert(_ event: ChangeEvent, restoring truncated: RowTree? = nil) {
        if event.op == .truncate {
            rows = truncated ?? RowTree()
        } else {
            let beforeKey = event.before?.key(keyColumns)
            let afterKey = event.after?.key(keyColumns)
            if let afterKey, afterKey != beforeKey { rows.delete(afterKey) }
            if let before = event.before, let key = beforeKey { rows.put(before, for: key, isNew: afterKey != key) }
        }
        seq = event.seq - 1
    }
}
