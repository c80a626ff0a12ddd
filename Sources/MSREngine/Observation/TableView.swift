import MSRModel

/// How a pane orders and filters its table.
public struct TableViewSpec: Sendable {
    public var filter: RowFilter?
    /// Sort by this column (then by key); nil is key order.
    public var sortColumn: Int?
    public var descending = false
    /// The sort column's type: its cells order as they are shown (`TypedValueOrder`).
    public var sortType: ColumnType

    public init(filter: RowFilter? = nil, sortColumn: Int? = nil, descending: Bool = false, sortType: ColumnType = .unknown) {
        self.filter = filter
        self.sortColumn = sortColumn
        self.descending = descending
        self.sortType = sortType
    }

    var isKeyOrder: Bool { filter == nil && sortColumn == nil }
}

/// The rows of a frame as a pane shows them: filtered and sorted, readable by window.
public struct ViewRows: Sendable {
    /// Rows keyed by their view order (the sort value then the key, or the key alone).
    let ordered: RowTree
    /// Maps a row key to its view-order key, when the view is not in key order.
    let viewKey: @Sendable (RowKey, Row) -> RowKey
    public let descending: Bool

    public var count: Int { ordered.count }

    /// Up to `limit` rows from view position `offset`, each with its primary key.
    public func window(from offset: Int, limit: Int, keyColumns: [Int]) -> [(key: RowKey, row: Row)] {
        if !descending {
            return ordered.window(from: offset, limit: limit).map { ($0.row.key(keyColumns), $0.row) }
        }
        let start = count - offset - limit
        let rows = ordered.window(from: max(0, start), limit: limit + min(0, start))
        return rows.reversed().map { ($0.row.key(keyColumns), $0.row) }
    }

    /// The view position of a row, or nil when the view does not show it.
    public func position(of key: RowKey, row: Row) -> Int? {
        let k = viewKey(key, row)
        guard ordered[k] != nil else { return nil }
        let o = ordered.offset(of: k)
        return descending ? count - 1 - o : o
    }
}

/// Keeps a pane's filtered and sorted view of a table up to date from frame to frame: it moves
/// only the rows a frame changed, and rebuilds only after a jump.
public final class TableViewModel {
    public let keyColumns: [Int]
    public private(set) var spec: TableViewSpec
    private var basis: TableState?
    private var rows = RowTree()

    public init(keyColumns: [Int], spec: TableViewSpec = TableViewSpec()) {
        self.keyColumns = keyColumns
        self.spec = spec
    }

    public func setSpec(_ spec: TableViewSpec) {
        self.spec = spec
        basis = nil
    }

    private func viewKey(_ key: RowKey, _ row: Row) -> RowKey {
        guard let c = spec.sortColumn else { return key }
        return RowKey([TypedValueOrder.sortValue(row[c], spec.sortType)] + key.values)
    }

    private func include(_ row: Row) -> Bool { spec.filter?.matches(row) ?? true }

    /// The view of `state`; `changes` (from the state last given) lets it update in place.
    public func rows(for state: TableState, changes: FrameChanges?) -> ViewRows {
        let column = spec.sortColumn, type = spec.sortType
        let key: @Sendable (RowKey, Row) -> RowKey = { k, r in
            column.map { RowKey([TypedValueOrder.sortValue(r[$0], type)] + k.values) } ?? k
        }
        if spec.isKeyOrder {
            basis = state
            return ViewRows(ordered: state.rows, viewKey: key, descending: spec.descending)
        }
        if let old = basis, let changes, !changes.truncated, changes.count < max(64, state.count / 4) {
            let touched = changes.inserted.union(changes.updated.keys).union(changes.deleted.keys)
            for k in touched {
                if let before = old[k], include(before) { rows.remove(viewKey(k, before)) }
                if let now = state[k], include(now) { rows.set(now, for: viewKey(k, now)) }
            }
        } else {
            rows = RowTree()
            for (k, row) in state.rows where include(row) { rows.set(row, for: viewKey(k, row)) }
        }
        basis = state
        return ViewRows(ordered: rows, viewKey: key, descending: spec.descending)
    }
}
