/// Reading a `RowTree` by position: rank, select and in-order windows, each O(log n) to start.
extension RowTree {
    /// The number of rows whose key is less than `key`: where `key` sits, or would sit.
    public func offset(of key: RowKey) -> Int {
        guard var node = root else { return 0 }
        var before = 0
        while !node.isLeaf {
            let i = node.childIndex(for: key)
            for c in 0..<i { before += node.children[c].count }
            node = node.children[i]
        }
        return before + node.lowerBound(key)
    }

    /// The key and row at `offset` in key order.
    public func element(at offset: Int) -> (key: RowKey, row: Row)? {
        guard var node = root, offset >= 0, offset < node.count else { return nil }
        var rest = offset
        while !node.isLeaf {
            var i = 0
            while rest >= node.children[i].count {
                rest -= node.children[i].count
                i += 1
            }
            node = node.children[i]
        }
        // A damaged keyframe page can hold fewer rows than its count said.
        guard rest < node.keys.count else { return nil }
        return (node.keys[rest], node.rows[rest])
    }

    /// Up to `limit` rows in key order starting at `offset`.
    public func window(from offset: Int, limit: Int) -> [(key: RowKey, row: Row)] {
        var out: [(key: RowKey, row: Row)] = []
        out.reserveCapacity(Swift.max(0, Swift.min(limit, count - offset)))
        var it = makeIterator(from: offset)
        while out.count < limit, let e = it.next() { out.append(e) }
        return out
    }

    public func makeIterator(from offset: Int = 0) -> Iterator {
        Iterator(tree: self, offset: offset)
    }

    /// Walks the rows in key order from a starting offset, keeping the path down the tree.
    public struct Iterator: IteratorProtocol {
        private var stack: [(node: RowTreeNode, index: Int)] = []

        init(tree: RowTree, offset: Int) {
            guard var node = tree.root, offset < node.count else { return }
            var rest = Swift.max(0, offset)
            while !node.isLeaf {
                var i = 0
                while rest >= node.children[i].count {
                    rest -= node.children[i].count
                    i += 1
                }
                stack.append((node, i))
                node = node.children[i]
            }
            stack.append((node, rest))
        }

        public mutating func next() -> (key: RowKey, row: Row)? {
            while let top = stack.last {
                if top.node.isLeaf {
                    if top.index < top.node.keys.count {
                        stack[stack.count - 1].index += 1
                        return (top.node.keys[top.index], top.node.rows[top.index])
                    }
                    stack.removeLast()
                    if !stack.isEmpty { stack[stack.count - 1].index += 1 }
                    continue
                }
                if top.index < top.node.children.count {
                    stack.append((top.node.children[top.index], 0))
                } else {
                    stack.removeLast()
                    if !stack.isEmpty { stack[stack.count - 1].index += 1 }
                }
            }
            return nil
        }
    }
}

extension RowTree: Sequence {
    public func makeIterator() -> Iterator { makeIterator(from: 0) }
}

/// Leaves as units of persistence: keyframes store each leaf as a page and share unchanged ones.
extension RowTree {
    /// The leaves in key order.
    public var leaves: [RowTreeNode] {
        guard let root else { return [] }
        var out: [RowTreeNode] = []
        func walk(_ n: RowTreeNode) {
            if n.isLeaf { out.append(n) } else { n.children.forEach(walk) }
        }
        walk(root)
        return out
    }

    /// Builds a tree from leaves given in key order (each non-empty and sorted).
    public init(leaves: [RowTreeNode]) {
        var level = leaves.filter { $0.count > 0 }
        guard !level.isEmpty else { return }
        while level.count > 1 {
            var next: [RowTreeNode] = []
            var i = 0
            while i < level.count {
                let end = Swift.min(i + RowTree.innerCapacity / 2, level.count)
                next.append(RowTreeNode(children: Array(level[i..<end])))
                i = end
            }
            level = next
        }
        root = level[0]
    }

    /// A leaf made from rows sorted by key, for building a tree from stored pages.
    public static func makeLeaf(keys: [RowKey], rows: [Row]) -> RowTreeNode {
        RowTreeNode(keys: keys, rows: rows)
    }

    /// A leaf whose `count` rows stay in `source` until something reads them; `firstKey` is
    /// the smallest of their keys.
    public static func makeLazyLeaf(source: LeafSource, keyColumns: [Int], firstKey: RowKey, count: Int) -> RowTreeNode {
        RowTreeNode(lazy: LazyNode(content: .rows(source), keyColumns: keyColumns, firstKey: firstKey), count: count)
    }

    /// An inner node over `count` rows whose children (lazy leaves) come from `source` when
    /// something first looks below it; `firstKey` is the smallest of their keys. Building a
    /// big keyframe from these reads only the first key of each run of pages.
    public static func makeLazyGroup(source: SubtreeSource, keyColumns: [Int], firstKey: RowKey, count: Int) -> RowTreeNode {
        RowTreeNode(lazy: LazyNode(content: .children(source), keyColumns: keyColumns, firstKey: firstKey), count: count)
    }
}
