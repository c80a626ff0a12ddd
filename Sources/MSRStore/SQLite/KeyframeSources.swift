import MSRModel

/// One stored keyframe page as the source of a lazy leaf.
struct StoredKeyframePage: LeafSource {
    let reader: KeyframePageReader
    let id: Int64

    func loadRows() -> [Row] { reader.rows(ofPage: id) }
}

/// A run of consecutive pages of one keyframe as the source of a lazy inner node: its
/// entries are decoded from the directory only when something looks below the node.
struct StoredKeyframeRun: SubtreeSource {
    let reader: KeyframePageReader
    let directory: [UInt8]
    let run: KeyframePage.Run
    let keyColumns: [Int]

    func loadChildren() -> [RowTreeNode] {
        guard let entries = try? KeyframePage.decodeEntries(directory, run: run), !entries.isEmpty else {
            // The directory was read whole when the keyframe was opened, so this cannot
            // happen; an empty leaf keeps the tree walkable if it does.
            return [RowTree.makeLeaf(keys: [], rows: [])]
        }
        return entries.map { entry in
            RowTree.makeLazyLeaf(source: StoredKeyframePage(reader: reader, id: entry.id), keyColumns: keyColumns,
                                 firstKey: entry.firstKey, count: entry.rows)
        }
    }
}
