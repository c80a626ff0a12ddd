import Synchronization

/// Where a lazily loaded leaf's rows are kept: a keyframe page in a recording.
///
/// `loadRows` is called at most once per lazy leaf, from whichever thread first reads it, and
/// must be safe to call from any thread. It returns the rows in key order; on a storage error
/// it returns an empty list and reports the error through its own channel (rows cannot throw
/// out of a tree lookup).
public protocol LeafSource: Sendable {
    func loadRows() -> [Row]
}

/// Where the children of a lazily expanded inner node come from: a run of a keyframe's pages.
///
/// Like `LeafSource`, called at most once per node, from any thread. It returns unloaded lazy
/// leaves (`RowTree.makeLazyLeaf`) in key order, never an empty list for a node that has rows.
public protocol SubtreeSource: Sendable {
    func loadChildren() -> [RowTreeNode]
}

/// What a lazy node stands for: one page of rows, or a run of pages (an inner node).
enum LazyContent: Sendable {
    case rows(LeafSource)
    case children(SubtreeSource)
}

/// What a lazy node becomes when it loads.
enum LazyMaterial {
    case rows(keys: [RowKey], rows: [Row])
    case children([RowTreeNode])
}

/// A change recorded against a node that is not loaded yet, applied when it loads. `isNew`
/// says whether the key was new, so that an inner node can hand the change to one of its
/// children with the right count.
enum PendingNodeChange: Sendable {
    case put(RowKey, Row, isNew: Bool)
    case delete(RowKey)

    var key: RowKey {
        switch self {
        case .put(let key, _, _), .delete(let key): return key
        }
    }
}

/// The stored half of a lazy node (a leaf, or a run of pages): its source, the changes made
/// since it was read, and whether its node has loaded. Each belongs to one node; a change to
/// an unloaded node that is shared makes a new `LazyNode` (copy-on-write like every node).
final class LazyNode: @unchecked Sendable {
    // Safety: `firstKey` and `pending` change only through `append`, which the tree calls
    // only while it holds the only reference to this leaf's node, before the leaf loads.

    let content: LazyContent
    let keyColumns: [Int]
    /// A lower bound of the leaf's keys (its first key when stored, lowered by inserts).
    private(set) var firstKey: RowKey
    private(set) var pending: [PendingNodeChange]
    private let loaded = Atomic<Bool>(false)
    private let lock = Mutex<Void>(())

    init(content: LazyContent, keyColumns: [Int], firstKey: RowKey, pending: [PendingNodeChange] = []) {
        self.content = content
        self.keyColumns = keyColumns
        self.firstKey = firstKey
        self.pending = pending
    }

    var isLoaded: Bool { loaded.load(ordering: .acquiring) }

    var isGroup: Bool {
        if case .children = content { return true }
        return false
    }

    /// Runs `fill` once, under a lock, with what the node holds; later callers see it done.
    func loadOnce(_ fill: (LazyMaterial) -> Void) {
        lock.withLock { _ in
            guard !loaded.load(ordering: .relaxed) else { return }
            switch content {
            case .rows(let source):
                let (keys, rows) = materializeRows(source)
                fill(.rows(keys: keys, rows: rows))
            case .children(let source):
                fill(.children(materializeChildren(source)))
            }
            loaded.store(true, ordering: .releasing)
        }
    }

    /// The children with the pending changes handed down, each to the child its key routes
    /// to (children are fresh unloaded lazy nodes, so they take them without loading).
    private func materializeChildren(_ source: SubtreeSource) -> [RowTreeNode] {
        let children = source.loadChildren()
        guard !children.isEmpty else { return children }
        var firstKeys = children.map(\.firstKey)
        for change in pending {
            let i = RowTreeNode.childIndex(firstKeys, change.key)
            let child = children[i]
            child.takePending(change)
            firstKeys[i] = child.firstKey
        }
        return children
    }

    /// The stored rows with the pending changes applied in order.
    private func materializeRows(_ source: LeafSource) -> ([RowKey], [Row]) {
        var rows = source.loadRows()
        var keys = rows.map { $0.key(keyColumns) }
        for change in pending {
            switch change {
            case .put(let key, let row, _):
                let i = RowTreeNode.lowerBound(keys, key)
                if i < keys.count && keys[i] == key {
                    rows[i] = row
                } else {
                    keys.insert(key, at: i)
                    rows.insert(row, at: i)
                }
            case .delete(let key):
                let i = RowTreeNode.lowerBound(keys, key)
                if i < keys.count && keys[i] == key {
                    keys.remove(at: i)
                    rows.remove(at: i)
                }
            }
        }
        return (keys, rows)
    }

    /// The same stored leaf with one more change.
    func adding(_ change: PendingNodeChange) -> LazyNode {
        let copy = LazyNode(content: content, keyColumns: keyColumns, firstKey: firstKey, pending: pending)
        copy.append(change)
        return copy
    }

    /// Adds a change in place: only for the leaf of a node nobody else holds.
    func append(_ change: PendingNodeChange) {
        if case .put(let key, _, _) = change, key < firstKey { firstKey = key }
        pending.append(change)
    }
}
