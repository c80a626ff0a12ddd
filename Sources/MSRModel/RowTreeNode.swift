/// A node of `RowTree`: a leaf holding sorted keys and their rows, or an inner node holding
/// children and each child's smallest key.
///
/// Nodes are shared between tree values and copied only when a shared node is about to change,
/// so an unchanged leaf is the same object in every tree value that holds it. Keyframe
/// persistence uses that identity to store each unchanged leaf once.
public final class RowTreeNode: @unchecked Sendable {
    // Safety: a node is mutated only while its owning tree holds the only reference to it
    // (checked with isKnownUniquelyReferenced); shared nodes are never mutated.

    /// Leaf: the keys of its rows. Inner: the smallest key under each child.
    var keys: [RowKey]
    /// Leaf only: the rows, parallel to `keys`.
    var rows: [Row]
    /// Inner only: the children, parallel to `keys`.
    var children: [RowTreeNode]
    /// Number of rows under this node.
    var count: Int

    var isLeaf: Bool { children.isEmpty }

    init(keys: [RowKey], rows: [Row]) {
        self.keys = keys
        self.rows = rows
        self.children = []
        self.count = keys.count
    }

    init(children: [RowTreeNode]) {
        self.keys = children.map { $0.keys[0] }
        self.rows = []
        self.children = children
        self.count = children.reduce(0) { $0 + $1.count }
    }

    func copy() -> RowTreeNode {
        if isLeaf { return RowTreeNode(keys: keys, rows: rows) }
        let n = RowTreeNode(children: [])
        n.keys = keys
        n.children = children
        n.count = count
        return n
    }

    /// Index of the first key not less than `key` (binary search).
    func lowerBound(_ key: RowKey) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Inner nodes: the child that holds (or would hold) `key`.
    func childIndex(for key: RowKey) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key < keys[mid] { hi = mid } else { lo = mid + 1 }
        }
        return max(lo - 1, 0)
    }

    /// Leaf nodes: the keys and rows, read-only, for persistence and iteration.
    public var leafEntries: (keys: [RowKey], rows: [Row]) { (keys, rows) }

    /// An identity that stays the same for as long as this node is unchanged and alive.
    public var identity: ObjectIdentifier { ObjectIdentifier(self) }
}
