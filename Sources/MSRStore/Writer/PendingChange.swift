import MSRModel

/// A source change matched to its table's columns and key, waiting to be completed from the
/// state at its place in the recording.
struct PendingChange {
    var table: TableID
    var op: Operation
    var commitTime: Timestamp
    var position: Int64?
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
        let pa = a.position ?? Int64.min, pb = b.position ?? Int64.min
        if pa != pb { return pa < pb }
        return a.origin < b.origin
    }

    var identity: EventIdentity {
        EventIdentity(table: table, key: key, position: position ?? commitTime.micros, positionIsTime: position == nil, op: op)
    }
}

/// What makes two events the same event: table, key, source position and operation. A source
/// that gives no position is identified by commit time instead.
struct EventIdentity: Hashable {
    var table: TableID
    var key: RowKey
    var position: Int64
    var positionIsTime: Bool
    var op: Operation

    init(table: TableID, key: RowKey, position: Int64, positionIsTime: Bool, op: Operation) {
        self.table = table
        self.key = key
        self.position = position
        self.positionIsTime = positionIsTime
        self.op = op
    }

    init(_ e: ChangeEvent) {
        self.init(table: e.table, key: e.key, position: e.position ?? e.commitTime.micros,
                  positionIsTime: e.position == nil, op: e.op)
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
