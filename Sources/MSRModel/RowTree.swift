/// A persistent ordered map from row keys to rows: a counted B+tree with copy-on-write nodes.
///
/// Copying a tree is O(1) and shares every node; a change copies only the path it touches.
/// Lookup, insert, remove, the row at an offset and the offset of a key all cost O(log n),
/// so a window of rows in key order can be read without walking the whole table.
public struct RowTree: Sendable {
    static let leafCapacity = 64
    static let innerCapacity = 64

    var root: RowTreeNode?

    public init() {}

    public var count: Int { root?.count ?? 0 }
    public var isEmpty: Bool { count == 0 }

    public subscript(key: RowKey) -> Row? {
        guard var node = root else { return nil }
        while !node.isLeaf { node = node.children[node.childIndex(for: key)] }
        let i = node.lowerBound(key)
        return i < node.keys.count && node.keys[i] == key ? node.rows[i] : nil
    }

    /// Puts `row` under `key`, replacing any row there; returns the row it replaced.
    @discardableResult
    public mutating func set(_ row: Row, for key: RowKey) -> Row? {
        insertAtRoot(row, key, isNew: nil)
    }

    /// Removes the row under `key`; returns it, or nil when there was none.
    @discardableResult
    public mutating func remove(_ key: RowKey) -> Row? {
        guard root != nil else { return nil }
        let old = RowTree.remove(&root!, key, known: false)
        collapseRoot()
        return old
    }

    /// Puts `row` under `key` when the caller knows whether the key is new (`isNew`) or
    /// present, as replaying recorded events does. A lazy leaf is not loaded for it: the change
    /// waits in the leaf until something reads it.
    public mutating func put(_ row: Row, for key: RowKey, isNew: Bool) {
        insertAtRoot(row, key, isNew: isNew)
    }

    /// Removes the row under `key`, which the caller knows is present, without loading a lazy
    /// leaf for it.
    public mutating func delete(_ key: RowKey) {
        guard root != nil else { return }
        _ = RowTree.remove(&root!, key, known: true)
        collapseRoot()
    }

    public mutating func removeAll() { root = nil }

    @discardableResult
    private mutating func insertAtRoot(_ row: Row, _ key: RowKey, isNew: Bool?) -> Row? {
        guard root != nil else {
            root = RowTreeNode(keys: [key], rows: [row])
            return nil
        }
        var old: Row?
        if let sibling = RowTree.insert(&root!, key, row, &old, isNew: isNew) {
            root = RowTreeNode(children: [root!, sibling])
        }
        return old
    }

    private mutating func collapseRoot() {
        if let r = root {
            if r.count == 0 { root = nil } else if !r.isLeaf && r.children.count == 1 { root = r.children[0] }
        }
    }

    /// Changes kept in one unloaded lazy node (a leaf, or a run of pages) before it is simply
    /// loaded and the change made below it.
    static let pendingLimit = 64

    /// Returns nil when the subtree did not split, or the new right sibling when it did.
    /// `isNew` is nil when it is not known whether `key` is present (then `old` says).
    private static func insert(_ node: inout RowTreeNode, _ key: RowKey, _ row: Row, _ old: inout Row?,
                               isNew: Bool?) -> RowTreeNode? {
        if let isNew, keepPending(.put(key, row, isNew: isNew), in: &node, countChange: isNew ? 1 : 0) { return nil }
        if !isKnownUniquelyReferenced(&node) { node = node.copy() }
        if node.isLeaf {
            let i = node.lowerBound(key)
            if i < node.keys.count && node.keys[i] == key {
                old = node.rows[i]
                node.rows[i] = row
                return nil
            }
            node.keys.insert(key, at: i)
            node.rows.insert(row, at: i)
            node.count += 1
            guard node.keys.count > leafCapacity else { return nil }
            let half = node.keys.count / 2
            let right = RowTreeNode(keys: Array(node.keys[half...]), rows: Array(node.rows[half...]))
            node.keys.removeSubrange(half...)
            node.rows.removeSubrange(half...)
            node.count = node.keys.count
            return right
        }
        let i = node.childIndex(for: key)
        let before = node.children[i].count
        let split = insert(&node.children[i], key, row, &old, isNew: isNew)
        node.count += node.children[i].count + (split?.count ?? 0) - before
        if key < node.keys[i] { node.keys[i] = key }
        if let s = split {
            node.children.insert(s, at: i + 1)
            node.keys.insert(s.firstKey, at: i + 1)
        }
        guard node.children.count > innerCapacity else { return nil }
        let half = node.children.count / 2
        let right = RowTreeNode(children: Array(node.children[half...]))
        node.children.removeSubrange(half...)
        node.keys.removeSubrange(half...)
        node.count -= right.count
        return right
    }

    /// Leaves `change` pending in `node` when it is an unloaded lazy node with room for it
    /// (copying the node first when it is shared); false when the change must be made below.
    private static func keepPending(_ change: PendingNodeChange, in node: inout RowTreeNode, countChange: Int) -> Bool {
        guard let lazy = node.lazy, node.isUnloaded, lazy.pending.count < pendingLimit else { return false }
        if isKnownUniquelyReferenced(&node) {
            lazy.append(change)
            node.count += countChange
        } else {
            node = RowTreeNode(lazy: lazy.adding(change), count: node.count + countChange)
        }
        return true
    }

    /// `known`: the caller knows `key` is present, so a lazy leaf need not be read.
    private static func remove(_ node: inout RowTreeNode, _ key: RowKey, known: Bool) -> Row? {
        if known, keepPending(.delete(key), in: &node, countChange: -1) { return nil }
        if node.isLeaf {
            let i = node.lowerBound(key)
            guard i < node.keys.count && node.keys[i] == key else { return nil }
            if !isKnownUniquelyReferenced(&node) { node = node.copy() }
            node.keys.remove(at: i)
            node.count -= 1
            return node.rows.remove(at: i)
        }
        let i = node.childIndex(for: key)
        // Look before copying, so a miss leaves shared nodes shared.
        guard known || contains(node.children[i], key) else { return nil }
        if !isKnownUniquelyReferenced(&node) { node = node.copy() }
        let before = node.children[i].count
        let old = remove(&node.children[i], key, known: known)
        node.count += node.children[i].count - before
        let child = node.children[i]
        if child.count == 0 {
            node.children.remove(at: i)
            node.keys.remove(at: i)
        } else {
            if !child.isUnloaded { node.keys[i] = child.firstKey }
            mergeIfSmall(&node, at: i)
        }
        return old
    }

    private static func contains(_ start: RowTreeNode, _ key: RowKey) -> Bool {
        var node = start
        while !node.isLeaf { node = node.children[node.childIndex(for: key)] }
        let i = node.lowerBound(key)
        return i < node.keys.count && node.keys[i] == key
    }

    /// Joins a shrunken child with its right neighbour when both fit in one node, so mass
    /// deletions do not leave a tree of near-empty leaves.
    private static func mergeIfSmall(_ node: inout RowTreeNode, at i: Int) {
        guard i + 1 < node.children.count else { return }
        let a = node.children[i], b = node.children[i + 1]
        guard a.isLeaf == b.isLeaf, !a.isUnloaded, !b.isUnloaded else { return }
        let capacity = a.isLeaf ? leafCapacity : innerCapacity
        let size = a.isLeaf ? a.keys.count + b.keys.count : a.children.count + b.children.count
        guard size <= capacity / 2 else { return }
        let merged: RowTreeNode
        if a.isLeaf {
            merged = RowTreeNode(keys: a.keys + b.keys, rows: a.rows + b.rows)
        } else {
            merged = RowTreeNode(children: a.children + b.children)
        }
        node.children[i] = merged
        node.children.remove(at: i + 1)
        node.keys.remove(at: i + 1)
    }
}
