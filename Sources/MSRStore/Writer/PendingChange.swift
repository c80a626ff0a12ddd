import MSRModel

/// A source change matched to its table's columns and key, waiting to be completed from the
/// state at its place in the recording.
struct PendingChange {
    var table: TableID
    var op: Operation
    var commitTime: Timestamp
    var position: SourcePosition?
    /// Input order; events already stored get negative origins so they stay ahead of new
    /// input on equal time and position.
    var origin: Int
    /// The key of the row the change leaves behind (or removes).
    var key: RowKey
    /// For an update whose before-image names another key: the row's key before the change.
    var oldKey: RowKey?
    /// The after-image's cells; placeholders still marked.
    var after: PendingImage?

    /// The order of the recording: commit time, then source position, then input order.
    static func sortsBefore(_ a: PendingChange, _ b: PendingChange) -> Bool {
        if a.commitTime != b.commitTime { return a.commitTime < b.commitTime }
        if SourcePosition.ordersBefore(a.position, b.position) { return true }
        if SourcePosition.ordersBefore(b.position, a.position) { return false }
        return a.origin < b.origin
    }

    var identity: EventIdentity {
        EventIdentity(table: table, key: key, position: position, time: commitTime, op: op)
    }
}

/// What makes two events the same event: table, source position and operation, and the key
/// unless the position carries the line's digest (which already tells lines apart, while the
/// key the writer settles on may differ from the one the line named). A source that gives no
/// position is identified by commit time instead.
struct EventIdentity: Hashable {
    var table: TableID
    var key: RowKey
    var position: SourcePosition?
    var time: Int64?
    var op: Operation

    init(table: TableID, key: RowKey, position: SourcePosition?, time: Timestamp, op: Operation) {
        self.table = table
        self.key = position?.line == nil ? key : RowKey([])
        self.position = position
        self.time = position == nil ? time.micros : nil
        self.op = op
    }

    init(_ e: ChangeEvent) {
        self.init(table: e.table, key: e.key, position: e.position, time: e.commitTime, op: e.op)
    }
}

/// A source's row image matched to a table's columns: the fields as the source sent them
/// (shared with the source change, so no value is copied) and the column of each.
struct PendingImage {
    var fields: [Field]
    /// The column of each field; -1 for a field that is not a column of the table.
    var columns: [Int]

    /// Calls `body` with each cell's column and value, in the source's order.
    func forEachCell(_ body: (Int, Value) -> Void) {
        fields.withUnsafeBufferPointer { f in
            for i in f.indices where columns[i] >= 0 { body(columns[i], f[i].value) }
        }
    }
}
