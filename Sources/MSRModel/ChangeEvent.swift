/// One row change as a recording stores it: invertible, with full before- and after-images.
///
/// Applying an event removes the row of its before-image (when there is one) and then puts the
/// after-image (when there is one); reverting does the opposite. A truncate carries no images:
/// the store keeps a keyframe of the table just before it instead.
public struct ChangeEvent: Hashable, Sendable {
    /// Position in the recording's global order (commit time, source position, input order),
    /// starting at 1.
    public var seq: Int64
    public var commitTime: Timestamp
    /// The source position (LSN, a connector's offset tuple, a line digest) when there is one.
    public var position: SourcePosition?
    public var table: TableID
    public var op: Operation
    /// The key of the row this event leaves behind (or removed, for a delete).
    public var key: RowKey
    /// The full row before the change, or nil when there was none (an insert, or a row the
    /// recording had never seen).
    public var before: Row?
    /// The full row after the change, or nil when the row is gone.
    public var after: Row?
    /// The columns of the after-image the source actually sent; nil when it sent them all.
    /// The others were completed from the row's previous state.
    public var givenColumns: ColumnMask?

    public init(seq: Int64, commitTime: Timestamp, position: SourcePosition?, table: TableID, op: Operation,
                key: RowKey, before: Row?, after: Row?, givenColumns: ColumnMask? = nil) {
        self.seq = seq
        self.commitTime = commitTime
        self.position = position
        self.table = table
        self.op = op
        self.key = key
        self.before = before
        self.after = after
        self.givenColumns = givenColumns
    }
}

/// A set of column indexes, stored as bits.
public struct ColumnMask: Hashable, Sendable {
    public private(set) var words: [UInt64]

    public init(words: [UInt64] = []) { self.words = words }

    public init<S: Sequence>(columns: S) where S.Element == Int {
        self.words = []
        for c in columns { insert(c) }
    }

    public mutating func insert(_ column: Int) {
        let w = column / 64
        if w >= words.count { words.append(contentsOf: repeatElement(0, count: w - words.count + 1)) }
        words[w] |= (1 << UInt64(column % 64))
    }

    public func contains(_ column: Int) -> Bool {
        let w = column / 64
        return w < words.count && words[w] & (1 << UInt64(column % 64)) != 0
    }
}
