import Dispatch
import MSRModel
import MSRTestSupport
import Synchronization
import XCTest

/// Rows held by a test "page store", counting how many leaves were read.
private final class CountingPages: Sendable {
    let pages: [[Row]]
    let reads = Atomic<Int>(0)
    init(_ pages: [[Row]]) { self.pages = pages }
}

private struct TestPage: LeafSource {
    let store: CountingPages
    let index: Int
    func loadRows() -> [Row] {
        store.reads.add(1, ordering: .relaxed)
        return store.pages[index]
    }
}

private struct TestRun: SubtreeSource {
    let store: CountingPages
    let pages: Range<Int>
    func loadChildren() -> [RowTreeNode] {
        pages.map { i in
            RowTree.makeLazyLeaf(source: TestPage(store: store, index: i), keyColumns: [0],
                                 firstKey: store.pages[i][0].key([0]), count: store.pages[i].count)
        }
    }
}

/// Trees built from lazy leaves behave like trees built from loaded ones, read only the
/// leaves something looks at, and keep changes made with `put`/`delete` without reading.
final class LazyRowTreeTests: XCTestCase {
    private func key(_ i: Int) -> RowKey { RowKey([.int(Int64(i))]) }
    private func row(_ i: Int, _ v: Int) -> Row { Row([.int(Int64(i)), .int(Int64(v))]) }

    /// Rows with even keys 0, 2, ... 2*(n-1), split into pages of 64, as a lazy tree.
    private func lazyTree(rows n: Int) -> (RowTree, CountingPages) {
        let all = (0..<n).map { row($0 * 2, 0) }
        let pages = stride(from: 0, to: n, by: 64).map { Array(all[$0..<min($0 + 64, n)]) }
        let store = CountingPages(pages)
        let leaves = pages.indices.map { i in
            RowTree.makeLazyLeaf(source: TestPage(store: store, index: i), keyColumns: [0],
                                 firstKey: pages[i][0].key([0]), count: pages[i].count)
        }
        return (RowTree(leaves: leaves), store)
    }

    func testKnownChangesDoNotReadLeavesAndMatchADictionary() {
        var rng = SeededRandom(seed: 7)
        let n = 5000
        var (tree, pages) = lazyTree(rows: n)
        var oracle: [Int: Int] = [:]
        for i in 0..<n { oracle[i * 2] = 0 }
        for step in 0..<3000 {
            let k = Int.random(in: -10..<(2 * n + 10), using: &rng)
            if let present = oracle[k] {
                if Bool.random(using: &rng) {
                    tree.delete(key(k))
                    oracle[k] = nil
                } else {
                    tree.put(row(k, present + 1), for: key(k), isNew: false)
                    oracle[k] = present + 1
                }
            } else {
                tree.put(row(k, step), for: key(k), isNew: true)
                oracle[k] = step
            }
        }
        XCTAssertEqual(pages.reads.load(ordering: .relaxed), 0, "known changes read no leaf")
        XCTAssertEqual(tree.count, oracle.count)

        let sortedKeys = oracle.keys.sorted()
        for _ in 0..<200 {
            let k = Int.random(in: -20..<(2 * n + 20), using: &rng)
            XCTAssertEqual(tree[key(k)], oracle[k].map { row(k, $0) })
            let rank = sortedKeys.firstIndex { $0 >= k } ?? sortedKeys.count
            XCTAssertEqual(tree.offset(of: key(k)), rank)
            let window = tree.window(from: rank, limit: 60)
            XCTAssertEqual(window.map(\.key), sortedKeys[rank..<min(rank + 60, sortedKeys.count)].map(key))
        }
        XCTAssertEqual(tree.map { $0.key }, sortedKeys.map(key))
        XCTAssertEqual(pages.reads.load(ordering: .relaxed), pages.pages.count, "each leaf read once")
    }

    func testAWindowReadsOnlyTheLeavesUnderIt() {
        let (tree, pages) = lazyTree(rows: 64 * 100)
        XCTAssertEqual(tree.count, 6400)
        let rank = tree.offset(of: key(2 * 3000))
        XCTAssertEqual(rank, 3000)
        XCTAssertEqual(tree.window(from: rank, limit: 60).map(\.key), (3000..<3060).map { key($0 * 2) })
        XCTAssertLessThanOrEqual(pages.reads.load(ordering: .relaxed), 2)
    }

    func testUnknownChangesLoadAndStayExact() {
        var (tree, _) = lazyTree(rows: 300)
        XCTAssertNil(tree.set(row(1, 9), for: key(1)), "an odd key is new")
        XCTAssertEqual(tree.set(row(4, 9), for: key(4)), row(4, 0))
        XCTAssertEqual(tree.remove(key(6)), row(6, 0))
        XCTAssertNil(tree.remove(key(7)))
        XCTAssertEqual(tree.count, 300)
        XCTAssertEqual(tree.window(from: 0, limit: 4).map(\.row), [row(0, 0), row(1, 9), row(2, 0), row(4, 9)])
    }

    func testCopiesShareUnloadedLeavesAndLoadIndependently() {
        let (base, _) = lazyTree(rows: 640)
        var changed = base
        changed.put(row(101, 1), for: key(101), isNew: true)
        changed.delete(key(100))
        XCTAssertEqual(base.count, 640)
        XCTAssertEqual(changed.count, 640)
        XCTAssertEqual(base[key(100)], row(100, 0))
        XCTAssertNil(base[key(101)])
        XCTAssertNil(changed[key(100)])
        XCTAssertEqual(changed[key(101)], row(101, 1))
    }

    func testLeavesLoadOnceWhenReadFromManyThreads() {
        let (tree, pages) = lazyTree(rows: 64 * 50)
        let expected = (0..<(64 * 50)).map { key($0 * 2) }
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if tree.map({ $0.key }) != expected { failures.add(1, ordering: .relaxed) }
        }
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
        XCTAssertEqual(pages.reads.load(ordering: .relaxed), 50)
    }

    /// Runs of 32 pages as lazy inner nodes: known changes wait in them without opening them,
    /// and opening one hands its changes down to the right leaves.
    func testRunsOfPagesTakeChangesWithoutOpening() {
        let n = 64 * 32 * 5
        let all = (0..<n).map { row($0 * 2, 0) }
        let pages = stride(from: 0, to: n, by: 64).map { Array(all[$0..<($0 + 64)]) }
        let store = CountingPages(pages)
        let runs = stride(from: 0, to: pages.count, by: 32).map { start in
            RowTree.makeLazyGroup(source: TestRun(store: store, pages: start..<(start + 32)),
                                  keyColumns: [0], firstKey: pages[start][0].key([0]), count: 32 * 64)
        }
        var tree = RowTree(leaves: runs)
        var oracle: [Int: Int] = [:]
        for i in 0..<n { oracle[i * 2] = 0 }
        var rng = SeededRandom(seed: 3)
        for step in 0..<150 {
            let k = Int.random(in: -4..<(2 * n + 4), using: &rng)
            if let v = oracle[k] {
                if step % 3 == 0 {
                    tree.delete(key(k))
                    oracle[k] = nil
                } else {
                    tree.put(row(k, v + 1), for: key(k), isNew: false)
                    oracle[k] = v + 1
                }
            } else {
                tree.put(row(k, step), for: key(k), isNew: true)
                oracle[k] = step
            }
        }
        XCTAssertEqual(store.reads.load(ordering: .relaxed), 0)
        XCTAssertEqual(tree.count, oracle.count)
        let sortedKeys = oracle.keys.sorted()
        let rank = tree.offset(of: key(n))
        XCTAssertEqual(rank, sortedKeys.firstIndex { $0 >= n })
        XCTAssertEqual(tree.window(from: rank, limit: 60).map(\.key), sortedKeys[rank..<(rank + 60)].map(key))
        XCTAssertLessThanOrEqual(store.reads.load(ordering: .relaxed), 2, "one run opened, one or two pages read")
        XCTAssertEqual(tree.map { $0.key }, sortedKeys.map(key))
        XCTAssertEqual(tree.map { $0.row }, sortedKeys.map { row($0, oracle[$0]!) })
    }
}
