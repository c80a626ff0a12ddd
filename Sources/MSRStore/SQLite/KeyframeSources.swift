import MSRModel

/// Which keyframe a page belongs to, for messages about its damage.
struct KeyframePlace: Sendable {
    var table: String
    var tableID: TableID
    var seq: Int64
    /// The history revision read before the keyframe's directory (`historyRevision()`).
    var revision: Int64
}

/// One stored keyframe page as the source of a lazy leaf.
struct StoredKeyframePage: LeafSource {
    let reader: KeyframePageReader
    let entry: KeyframePage.Entry
    let place: KeyframePlace

    func loadRows() -> [Row] { reader.rows(of: entry, place: place) }
}

/// A run of consecutive pages of one keyframe as the source of a lazy inner node: its
/// entries are decoded from the directory only when something looks below the node.
struct StoredKeyframeRun: SubtreeSource {
    let reader: KeyframePageReader
    let directory: [UInt8]
    let run: KeyframePage.Run
    let keyColumns: [Int]
    let place: KeyframePlace

    func loadChildren() -> [RowTreeNode] {
        guard let entries = try? KeyframePage.decodeEntries(directory, run: run), !entries.isEmpty else {
            // The directory matched its checksum and was read whole when the keyframe was
            // opened, so this cannot happen; an empty leaf keeps the tree walkable if it does.
            return [RowTree.makeLeaf(keys: [], rows: [])]
        }
        return entries.map { entry in
            RowTree.makeLazyLeaf(source: StoredKeyframePage(reader: reader, entry: entry, place: place), keyColumns: keyColumns,
                                 firstKey: entry.firstKey, count: entry.rows)
        }
    }
}
