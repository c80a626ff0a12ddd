import MSRModel
import MSRTestSupport
import XCTest

/// Text that looks alike but holds different bytes is different: as values, keys, rows, table
/// and column names, in the row tree and in a table's state.
final class TextIdentityTests: XCTestCase {
    func testSwiftStringEqualityIsWhatWeAvoid() {
        for pair in LookAlikeText.all {
            XCTAssertEqual(pair.first == pair.second, pair.canonicallyEquivalent, pair.label)
            XCTAssertFalse(pair.first.utf8Equal(pair.second), pair.label)
        }
    }

    func testValuesOfLookAlikeTextDiffer() {
        for pair in LookAlikeText.all {
            let a = Value.string(pair.first), b = Value.string(pair.second)
            XCTAssertNotEqual(a, b, pair.label)
            XCTAssertEqual(Set([a, b]).count, 2, pair.label)
            XCTAssertTrue((a < b) != (b < a), "\(pair.label): one sorts first")
            XCTAssertEqual(a < b, Array(pair.first.utf8).lexicographicallyPrecedes(pair.second.utf8), pair.label)
            XCTAssertNotEqual(Value.json(pair.first), Value.json(pair.second), pair.label)
            XCTAssertEqual(Value.string(pair.first), Value.string(String(decoding: Array(pair.first.utf8), as: UTF8.self)))
        }
    }

    func testTextSortsInByteOrder() {
        // Code point order: "Z" (5A) < "a" (61) < "é" (C3 A9) < "ｚ" (EF BD 9A); NFD é starts with e.
        let texts = ["\u{FF5A}", "\u{E9}", "a", "Z", "e\u{301}", "e"]
        let sorted = texts.map(Value.string).sorted().map(\.description)
        XCTAssertEqual(sorted.map { Array($0.utf8) }, ["Z", "a", "e", "e\u{301}", "\u{E9}", "\u{FF5A}"].map { Array($0.utf8) })
    }

    func testKeysRowsAndChangesAreByteExact() {
        for pair in LookAlikeText.all {
            let k1 = RowKey([.string(pair.first)]), k2 = RowKey([.string(pair.second)])
            XCTAssertNotEqual(k1, k2, pair.label)
            XCTAssertEqual(Set([k1, k2]).count, 2, pair.label)
            let before = Row([.int(1), .string(pair.first)]), after = Row([.int(1), .string(pair.second)])
            XCTAssertFalse(before.sameCells(as: after), pair.label)
            XCTAssertEqual(after.changedColumns(from: before), [1], pair.label)
        }
    }

    func testRowTreeAndTableStateKeepBothRows() {
        for pair in LookAlikeText.all {
            var state = TableState(table: 1, keyColumns: [0])
            let r1 = Row([.string(pair.first), .int(1)]), r2 = Row([.string(pair.second), .int(2)])
            state.apply(ChangeEvent(seq: 1, commitTime: Timestamp(micros: 1), position: nil, table: 1, op: .insert,
                                    key: r1.key([0]), before: nil, after: r1))
            state.apply(ChangeEvent(seq: 2, commitTime: Timestamp(micros: 2), position: nil, table: 1, op: .insert,
                                    key: r2.key([0]), before: nil, after: r2))
            XCTAssertEqual(state.count, 2, pair.label)
            XCTAssertEqual(state[r1.key([0])], r1, pair.label)
            XCTAssertEqual(state[r2.key([0])], r2, pair.label)
            // Deleting one leaves the other.
            let delete = ChangeEvent(seq: 3, commitTime: Timestamp(micros: 3), position: nil, table: 1, op: .delete,
                                     key: r1.key([0]), before: r1, after: nil)
            state.apply(delete)
            XCTAssertNil(state[r1.key([0])], pair.label)
            XCTAssertEqual(state[r2.key([0])], r2, pair.label)
            state.revert(delete)
            XCTAssertEqual(state.count, 2, pair.label)
        }
    }

    func testRowTreeWithManyLookAlikeKeys() {
        // Enough keys to split leaves, so inner-node searches see the pairs too.
        var tree = RowTree()
        var expected: [[UInt8]] = []
        for i in 0..<200 {
            for pair in LookAlikeText.all {
                for text in [pair.first, pair.second] {
                    let key = "\(i)-" + text
                    _ = tree.set(Row([.string(key)]), for: RowKey([.string(key)]))
                    expected.append(Array(key.utf8))
                }
            }
        }
        let unique = Set(expected)
        XCTAssertEqual(tree.count, unique.count)
        XCTAssertEqual(tree.map { Array($0.key.values[0].description.utf8) }, unique.sorted { $0.lexicographicallyPrecedes($1) })
        for bytes in unique {
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(tree[RowKey([.string(text)])].map { Array($0[0].description.utf8) }, bytes)
        }
    }

    func testTableAndColumnNamesAreByteExact() {
        let pair = LookAlikeText.eAcute
        let a = TableName(schema: "public", name: "caf" + pair.first), b = TableName(schema: "public", name: "caf" + pair.second)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 2)
        XCTAssertTrue(a.matches("public.caf" + pair.first))
        XCTAssertFalse(a.matches("public.caf" + pair.second))
        XCTAssertFalse(a.matches("caf" + pair.second))
        let schema = TableSchema(id: 1, name: a, columns: [ColumnSchema(name: pair.second), ColumnSchema(name: pair.first)], keyColumns: [1])
        XCTAssertEqual(schema.columnIndex(named: pair.first), 1)
        XCTAssertEqual(schema.columnIndex(named: pair.second), 0)
        XCTAssertNotEqual(ColumnSchema(name: pair.first), ColumnSchema(name: pair.second))
        XCTAssertNotEqual(ExactString(pair.first), ExactString(pair.second))
        XCTAssertEqual([ExactString(pair.first): 1, ExactString(pair.second): 2].count, 2)
    }

    func testBinaryCodingKeepsTheBytes() throws {
        for pair in LookAlikeText.all {
            let row = Row([.string(pair.first), .string(pair.second), .json("\"" + pair.second + "\"")])
            let decoded = try Row(decoding: row.encoded)
            XCTAssertEqual(decoded, row)
            XCTAssertEqual(decoded.values.map { Array($0.description.utf8) }, row.values.map { Array($0.description.utf8) })
        }
    }

    func testByteComparisonAgreesWithComparingByteArrays() {
        // Random texts of mixed lengths over a small alphabet, so prefixes and near misses at
        // every position (inside and past the eight-byte words) are common.
        var rng = SeededRandom(seed: 4)
        let alphabet = ["a", "b", "\u{E9}", "e\u{301}", "\u{212B}", "\u{C5}", "\u{0}", "\u{10FFFF}"]
        let texts = (0..<400).map { _ in (0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined() }
        for a in texts {
            for b in texts.prefix(60) {
                let x = Array(a.utf8), y = Array(b.utf8)
                XCTAssertEqual(a.utf8Equal(b), x == y)
                XCTAssertEqual(a.utf8Less(b), x.lexicographicallyPrecedes(y))
                XCTAssertEqual(Value.order(.string(a), .string(b)), x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1))
                XCTAssertEqual(RowKey([.string(a), .int(1)]) < RowKey([.string(b), .int(0)]), x.lexicographicallyPrecedes(y))
                XCTAssertEqual(ExactString(a).hashValue == ExactString(b).hashValue || x != y, true)
            }
        }
    }

    func testByteSearchHelpers() {
        XCTAssertTrue("cafe\u{301}".utf8Contains("cafe"))
        XCTAssertFalse("caf\u{E9}".utf8Contains("cafe"))
        XCTAssertFalse("caf\u{E9}".utf8Contains("e\u{301}"))
        XCTAssertTrue("x".utf8Contains(""))
        XCTAssertTrue("e\u{301}tude".utf8HasPrefix("e"))
        XCTAssertFalse("\u{E9}tude".utf8HasPrefix("e\u{301}"))
    }

    func testCSVQuotesByBytes() {
        // A Swift Character joins "\r\n", and a quote with a combining mark, into one that is
        // neither "\n" nor "\"": the CSV writer must still quote these fields.
        XCTAssertEqual(RowExport.csvRecord(["a\r\nb", "q\"\u{301}x", "plain"]), "\"a\r\nb\",\"q\"\"\u{301}x\",plain\n")
        XCTAssertEqual(Array(RowExport.csvRecord(["e\u{301}"]).utf8), Array("e\u{301}\n".utf8))
    }
}
