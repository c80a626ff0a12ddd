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

/// A change recorded against a leaf that is not loaded yet, applied when it loads.
enum PendingLeafChange: Sendable {
    case put(RowKey, Row)
    case delete(RowKey)
}

/// The stored half of a lazy leaf: its source, the changes made since it was read, and
/// whether its node has loaded. Each belongs to one node; a change to an unloaded leaf whose
/// node is shared makes a new `LazyLeaf` (copy-on-write like every node).
final class LazyLeaf: @unchecked Sendable {
    // Safety: `firstKey` and `pending` change only through `append`, which the tree calls
    // only while it holds the only reference to this leaf's node, before the leaf loads.

    let source: LeafSource
    let keyColumns: [Int]
    /// A lower bound of the leaf's keys (its first key when stored, lowered by inserts).
    private(set) var firstKey: RowKey
    private(set) var pending: [PendingLeafChange]
    private let loaded = Atomic<Bool>(false)
    private let lock = Mutex<Void>(())

    init(source: LeafSource, keyColumns: [Int], firstKey: RowKey, pending: [PendingLeafChange] = []) {
        self.source = source
        self.keyColumns = keyColumns
        self.firstKey = firstKey
        self.pending = pending
    }

    var isLoaded: Bool { loaded.load(ordering: .acquiring) }

    /// Runs `fill` once, under a lock, with the leaf's rows and keys; later callers see it done.
    func loadOnce(_ fill: (_ keys: [RowKey], _ rows: [Row]) -> Void) {
        lock.withLock { _ in
            guard !loaded.load(ordering: .relaxed) else { return }
            let (keys, rows) = materialize()
            fill(keys, rows)
            loaded.store(true, ordering: .releasing)
        }
    }

    /// The stored rows with the pending changes applied in order.
    private func materialize() -> ([RowKey], [Row]) {
        var rows = source.loadRows()
        var keys = rows.map { $0.key(keyColumns) }
        for change in pending {
            switch change {
            case .put(let key, let row):
                let i = Self.lowerBound(keys, key)
                if i < keys.count && keys[i] == key {
                    rows[i] = row
                } else {
                    keys.insert(key, at: i)
                    rows.insert(row, at: i)
                }
            case .delete(let key):
                let i = Self.lowerBound(keys, key)
                if i < keys.count && keys[i] == key {
                    keys.remove(at: i)
                    rows.remove(at: i)
                }
            }
        }
        return (keys, rows)
    }

    private static func lowerBound(_ keys: [RowKey], _ key: RowKey) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The same stored leaf with one more change.
    func adding(_ change: PendingLeafChange) -> LazyLeaf {
        let copy = LazyLeaf(source: source, keyColumns: keyColumns, firstKey: firstKey, pending: pending)
        copy.append(change)
        return copy
    }

    /// Adds a change in place: only for the leaf of a node nobody else holds.
    func append(_ change: PendingLeafChange) {
        if case .put(let key, _) = change, key < firstKey { firstKey = key }
        pending.append(change)
    }
}
