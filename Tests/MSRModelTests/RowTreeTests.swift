import MSRModel
import MSRTestSupport
import XCTest

/// The persistent row tree against a sorted dictionary, under random inserts and removals.
final class RowTreeTests: XCTestCase {
    private func key(_ i: Int) -> RowKey { RowKey([.int(Int64(i))]) }
    private func row(_ i: Int, _ v: Int) -> Row { Row([.int(Int64(i)), .int(Int64(v))]) }

    func testRandomOperationsMatchADictionary() {
        var rng = SeededRandom(seed: 1)
        var tree = RowTree()
        var oracle: [Int: Int] = [:]
        var snapshots: [(RowTree, [Int: Int])] = []
        for step in 0..<20_000 {
            let k = Int.random(in: 0..<3000, using: &rng)
            if Int.random(in: 0..<3, using: &rng) == 0 {
                XCTAssertEqual(tree.remove(key(k)) != nil, oracle.removeValue(forKey: k) != nil)
            } else {
                let v = Int.random(in: 0..<1000, using: &rng)
                let old = tree.set(row(k, v), for: key(k))
                XCTAssertEqual(old.map { _ in true }, oracle[k].map { _ in true })
                oracle[k] = v
            }
            if step % 2500 == 0 { snapshots.append((tree, oracle)) }
        }
        XCTAssertEqual(tree.count, oracle.count)
        let sortedKeys = oracle.keys.sorted()
        XCTAssertEqual(tree.map { $0.key }, sortedKeys.map(key))
        for _ in 0..<300 {
            let k = Int.random(in: -5..<3005, using: &rng)
            XCTAssertEqual(tree[key(k)], oracle[k].map { row(k, $0) })
            let rank = sortedKeys.firstIndex { $0 >= k } ?? sortedKeys.count
            XCTAssertEqual(tree.offset(of: key(k)), rank)
            if rank < sortedKeys.count {
                XCTAssertEqual(tree.element(at: rank)?.key, key(sortedKeys[rank]))
                let window = tree.window(from: rank, limit: 60)
                XCTAssertEqual(window.map(\.key), sortedKeys[rank..<min(rank + 60, sortedKeys.count)].map(key))
            }
        }
        // Earlier copies were never disturbed by later changes.
        for (snapshot, expected) in snapshots {
            XCTAssertEqual(snapshot.count, expected.count)
            XCTAssertEqual(snapshot.map { $0.row }, expected.keys.sorted().map { row($0, expected[$0]!) })
        }
    }

    func testRebuildingFromLeavesGivesTheSameTree() {
        var tree = RowTree()
        for i in stride(from: 0, to: 5000, by: 3) { tree.set(row(i, i), for: key(i)) }
        let rebuilt = RowTree(leaves: tree.leaves)
        XCTAssertEqual(rebuilt.count, tree.count)
        XCTAssertEqual(rebuilt.map(\.key), tree.map(\.key))
        XCTAssertEqual(rebuilt.offset(of: key(2999)), tree.offset(of: key(2999)))
    }

    func testAChangeCopiesOnlyTheLeafItTouches() {
        var tree = RowTree()
        for i in 0..<2000 { tree.set(row(i, 0), for: key(i)) }
        let before = tree.leaves.map(\.identity)
        var copy = tree
        copy.set(row(1000, 1), for: key(1000))
        let after = copy.leaves.map(\.identity)
        XCTAssertEqual(before.count, after.count)
        XCTAssertEqual(zip(before, after).filter { $0 != $1 }.count, 1)
        XCTAssertEqual(tree[key(1000)], row(1000, 0))
    }

    func testRemovingEverythingEmptiesTheTree() {
        var tree = RowTree()
        for i in 0..<1000 { tree.set(row(i, i), for: key(i)) }
        for i in (0..<1000).reversed() { tree.remove(key(i)) }
        XCTAssertTrue(tree.isEmpty)
        XCTAssertNil(tree.element(at: 0))
        XCTAssertEqual(Array(tree).count, 0)
    }
}
