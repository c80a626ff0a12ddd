import MSRModel
import MSRStore

/// How a table differs between two moments: rows that appeared, rows that went, and the
/// cells that changed in rows present at both.
public struct TableDiff: Sendable {
    public var inserted: [(key: RowKey, row: Row)] = []
    public var deleted: [(key: RowKey, row: Row)] = []
    /// Rows present at both moments with different cells: the row before, the row after and
    /// the indexes of the changed columns.
    public var updated: [(key: RowKey, before: Row, after: Row, columns: [Int])] = []

    public init() {}

    public var isEmpty: Bool { inserted.isEmpty && deleted.isEmpty && updated.isEmpty }

    /// Compares two states of one table by walking both in key order. Subtrees the two states
    /// share are equal, so a walk over structurally shared states touches mostly what changed.
    public init(from a: TableState, to b: TableState) {
        var ia = a.rows.makeIterator(), ib = b.rows.makeIterator()
        var ea = ia.next(), eb = ib.next()
        while true {
            switch (ea, eb) {
            case (nil, nil):
                return
            case (let x?, nil):
                deleted.append(x); ea = ia.next()
            case (nil, let y?):
                inserted.append(y); eb = ib.next()
            case (let x?, let y?):
                if x.key < y.key {
                    deleted.append(x); ea = ia.next()
                } else if y.key < x.key {
                    inserted.append(y); eb = ib.next()
                } else {
                    if !x.row.sameCells(as: y.row) {
                        updated.append((x.key, x.row, y.row, y.row.changedColumns(from: x.row)))
                    }
                    ea = ia.next(); eb = ib.next()
                }
            }
        }
    }

    /// Compares two states when only `keys` can differ (the keys touched by the events
    /// between them): cost grows with the events, not with the table.
    public init(from a: TableState, to b: TableState, touching keys: Set<RowKey>) {
        for key in keys.sorted() {
            switch (a[key], b[key]) {
            case (nil, let y?): inserted.append((key, y))
            case (let x?, nil): deleted.append((key, x))
            case (let x?, let y?) where !x.sameCells(as: y):
                updated.append((key, x, y, y.changedColumns(from: x)))
            default: break
            }
        }
    }
}
