/// A node of `RowTree`: a leaf holding sorted keys and their rows, or an inner node holding
/// children and each child's smallest key.
///
/// Nodes are shared between tree values and copied only when a shared node is about to change,
/// so an unchanged leaf is the same object in every tree value that holds it. Keyframe
/// persistence uses that identity to store each unchanged leaf once.
///
/// A leaf can be lazy: built from a stored page's row count and first key, its rows read the
/// first time anything looks at them (`keys` and `rows` load it). Changes known to be
/// consistent with the tree are kept as pending changes without loading (`RowTree.put`).
public final class RowTreeNode: @unchecked Sendable {
    // Safety: a node is mutated only while its owning tree holds the only reference to it
    // (checked with isKnownUniquelyReferenced); shared nodes are never mutated, except that a
    // lazy node fills its rows or children once, under its `LazyNode` lock, before anyone reads them.

    private var storedKeys: [RowKey]
    private var storedRows: [Row]
    private var storedChildren: [RowTreeNode]
    /// Number of rows under this node.
    var count: Int
    /// Set on a node whose rows or children are still in storage (or were, until it loaded).
    let lazy: LazyNode?

    var isLeaf: Bool {
        if let lazy { return !lazy.isGroup }
        return storedChildren.isEmpty
    }

    /// Leaf: the keys of its rows. Inner: the smallest key under each child.
    var keys: [RowKey] {
        _read { load(); yield storedKeys }
        _modify { load(); yield &storedKeys }
    }

    /// Leaf only: the rows, parallel to `keys`.
    var rows: [Row] {
        _read { load(); yield storedRows }
        _modify { load(); yield &storedRows }
    }

    /// Inner only: the children, parallel to `keys`.
    var children: [RowTreeNode] {
        _read { load(); yield storedChildren }
        _modify { load(); yield &storedChildren }
    }

    init(keys: [RowKey], rows: [Row]) {
        self.storedKeys = keys
        self.storedRows = rows
        self.storedChildren = []
        self.count = keys.count
        self.lazy = nil
    }

    init(children: [RowTreeNode]) {
        self.storedKeys = children.map { $0.firstKey }
        self.storedRows = []
        self.storedChildren = children
        self.count = children.reduce(0) { $0 + $1.count }
        self.lazy = nil
    }

    init(lazy: LazyNode, count: Int) {
        self.storedKeys = []
        self.storedRows = []
        self.storedChildren = []
        self.count = count
        self.lazy = lazy
    }

    /// Whether this leaf's rows are still in storage.
    var isUnloaded: Bool { lazy.map { !$0.isLoaded } ?? false }

    @inline(__always)
    private func load() {
        guard let lazy, !lazy.isLoaded else { return }
        lazy.loadOnce { material in
            switch material {
            case .rows(let keys, let rows):
                storedKeys = keys
                storedRows = rows
            case .children(let children):
                storedKeys = children.map(\.firstKey)
                storedChildren = children
            }
        }
    }

    /// A lower bound of the keys under this node, without loading a lazy leaf.
    var firstKey: RowKey {
        if let lazy, !lazy.isLoaded { return lazy.firstKey }
        // A damaged page can load fewer rows than its count promised; keep the bound.
        return storedKeys.first ?? lazy?.firstKey ?? RowKey([])
    }

    func copy() -> RowTreeNode {
        if let lazy, !lazy.isLoaded {
            return RowTreeNode(lazy: LazyNode(content: lazy.content, keyColumns: lazy.keyColumns,
                                              firstKey: lazy.firstKey, pending: lazy.pending), count: count)
        }
        if isLeaf { return RowTreeNode(keys: keys, rows: rows) }
        let n = RowTreeNode(children: [])
        n.storedKeys = storedKeys
        n.storedChildren = storedChildren
        n.count = count
        return n
    }

    /// Index of the first key not less than `key` (binary search).
    func lowerBound(_ key: RowKey) -> Int {
        load()
        return Self.lowerBound(storedKeys, key)
    }

    /// Inner nodes: the child that holds (or would hold) `key`.
    func childIndex(for key: RowKey) -> Int {
        load()
        return Self.childIndex(storedKeys, key)
    }

    /// In sorted `keys`, the index of the first key not less than `key`.
    static func lowerBound(_ keys: [RowKey], _ key: RowKey) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Among children whose smallest keys are `firstKeys`, the one that holds (or would hold)
    /// `key`.
    static func childIndex(_ firstKeys: [RowKey], _ key: RowKey) -> Int {
        var lo = 0, hi = firstKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key < firstKeys[mid] { hi = mid } else { lo = mid + 1 }
        }
        return max(lo - 1, 0)
    }

    /// A change handed down by a lazy parent as it loads: this node is fresh and unloaded,
    /// so it keeps the change pending too.
    func takePending(_ change: PendingNodeChange) {
        guard let lazy, !lazy.isLoaded else { return }
        lazy.append(change)
        switch change {
        case .put(_, _, let isNew): count += isNew ? 1 : 0
        case .delete: count -= 1
        }
    }

    /// Leaf nodes: the keys and rows, read-only, for persistence and iteration.
    public var leafEntries: (keys: [RowKey], rows: [Row]) { (keys, rows) }

    /// An identity that stays the same for as long as this node is unchanged and alive.
    public var identity: ObjectIdentifier { ObjectIdentifier(self) }
}
