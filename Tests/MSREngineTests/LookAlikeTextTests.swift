import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Rows whose keys or cells differ only in normalisation (or are compatibility look-alikes)
/// stay apart through the writer, the recording, keyframes, reconstruction, diffs, filters and
/// sorted views.
final class LookAlikeTextTests: XCTestCase {
    private let table = TableName(schema: "public", name: "places")

    private func change(_ op: MSRModel.Operation, _ us: Int64, position: Int64, key: String,
                        before: [Field]? = nil, after: [Field]? = nil) -> SourceChange {
        SourceChange(table: table, op: op, commitTime: Timestamp(micros: 1_000_000 * us), position: SourcePosition(position),
                     keyFields: [Field("code", .string(key))], before: before, after: after)
    }

    private func row(_ code: String, _ label: String, _ n: Int64) -> [Field] {
        [Field("code", .string(code)), Field("label", .string(label)), Field("n", .int(n))]
    }

    /// For every pair: two inserts (keys differing only in the pair), an update of the second
    /// that only changes the label's normalisation, a delete of the first.
    private func record(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.path("looks.msr")
        let store = try SQLiteRecordingStore(creatingAt: path)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 2))
        var changes: [SourceChange] = []
        var position: Int64 = 0
        for (i, pair) in LookAlikeText.all.enumerated() {
            let t = Int64(10 * i)
            func next() -> Int64 { position += 1; return position }
            changes.append(change(.insert, t + 1, position: next(), key: pair.first, after: row(pair.first, pair.first, 1)))
            changes.append(change(.insert, t + 2, position: next(), key: pair.second, after: row(pair.second, pair.first, 2)))
            changes.append(change(.update, t + 3, position: next(), key: pair.second,
                                  before: row(pair.second, pair.first, 2), after: row(pair.second, pair.second, 2)))
            changes.append(change(.delete, t + 4, position: next(), key: pair.first, before: row(pair.first, pair.first, 1)))
        }
        let report = try writer.write(changes)
        XCTAssertEqual(report.written, changes.count)
        XCTAssertEqual(report.duplicates, 0)
        XCTAssertEqual(report.unseenRows, 0)
        return path
    }

    private func bytes(_ v: Value) -> [UInt8] { Array(v.description.utf8) }

    func testEveryChangeIsRecordedAndReconstructed() throws {
        let dir = TemporaryDirectory()
        let path = try record(dir)
        // Read back through a read-only store, which loads keyframes lazily.
        let store = try SQLiteRecordingStore(openingAt: path)
        let r = try Reconstructor(store: store)
        let schema = try r.summary.table(named: "public.places")
        XCTAssertEqual(schema.columns.map(\.name), ["code", "label", "n"])
        let events = try store.events(in: 1...r.summary.lastSeq, table: schema.id)
        XCTAssertEqual(events.count, 4 * LookAlikeText.all.count)
        for (i, pair) in LookAlikeText.all.enumerated() {
            let t = Int64(10 * i)
            let update = events[4 * i + 2]
            XCTAssertEqual(update.op, .update, pair.label)
            XCTAssertEqual(update.before?[1].description.utf8.elementsEqual(pair.first.utf8), true, pair.label)
            XCTAssertEqual(update.after?[1].description.utf8.elementsEqual(pair.second.utf8), true, pair.label)

            let both = try r.state(of: schema, at: Timestamp(micros: 1_000_000 * (t + 2)))
            let keys = both.rows.map { bytes($0.key.values[0]) }
            XCTAssertTrue(keys.contains(Array(pair.first.utf8)) && keys.contains(Array(pair.second.utf8)), pair.label)

            let after = try r.state(of: schema, at: Timestamp(micros: 1_000_000 * (t + 4)))
            XCTAssertNil(after[RowKey([.string(pair.first)])], pair.label)
            let kept = try XCTUnwrap(after[RowKey([.string(pair.second)])], pair.label)
            XCTAssertEqual(bytes(kept[1]), Array(pair.second.utf8), pair.label)

            // The update that only changed normalisation is a change in the diff.
            let diff = try r.diff(of: schema, from: Timestamp(micros: 1_000_000 * (t + 2)), to: Timestamp(micros: 1_000_000 * (t + 3)))
            XCTAssertEqual(diff.updated.count, 1, pair.label)
            XCTAssertEqual(diff.updated.first?.columns, [1], pair.label)
            XCTAssertTrue(diff.inserted.isEmpty && diff.deleted.isEmpty, pair.label)
            // Whole-table comparison, as after a truncate or many changes.
            let whole = TableDiff(from: both, to: try r.state(of: schema, at: Timestamp(micros: 1_000_000 * (t + 3))))
            XCTAssertEqual(whole.updated.map { bytes($0.key.values[0]) }, [Array(pair.second.utf8)], pair.label)
        }
        // At the end one row per pair is left: its second text.
        let end = try r.state(of: schema, at: Timestamp(micros: 1_000_000 * 1000))
        XCTAssertEqual(end.count, LookAlikeText.all.count)
        // Key order is byte order.
        let endKeys = end.rows.map { bytes($0.key.values[0]) }
        XCTAssertEqual(endKeys, LookAlikeText.all.map { Array($0.second.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
    }

    func testFiltersAndSortedViewsTellLookAlikesApart() throws {
        let columns = [ColumnSchema(name: "code"), ColumnSchema(name: "label")]
        var state = TableState(table: 1, keyColumns: [0])
        var texts: [String] = []
        for pair in LookAlikeText.all { texts += [pair.first, pair.second] }
        for (i, text) in texts.enumerated() { _ = state.rows.set(Row([.int(Int64(i)), .string(text)]), for: RowKey([.int(Int64(i))])) }
        for pair in LookAlikeText.all {
            for (text, other) in [(pair.first, pair.second), (pair.second, pair.first)] {
                for query in ["label=\(text)", "label~\(text)", text] {
                    let filter = try RowFilter(parsing: query, columns: columns)
                    let shown = state.rows.filter { filter.matches($0.row) }.map { bytes($0.row[1]) }
                    XCTAssertTrue(shown.contains(Array(text.utf8)), "\(pair.label): \(query)")
                    XCTAssertFalse(shown.contains(Array(other.utf8)), "\(pair.label): \(query) also shows its look-alike")
                }
                let notEqual = try RowFilter(parsing: "label!=\(text)", columns: columns)
                XCTAssertTrue(notEqual.matches(Row([.int(0), .string(other)])), pair.label)
            }
        }
        // A column is named by its bytes; a canonically equivalent spelling finds it only when
        // no other column could be meant.
        let named = [ColumnSchema(name: "caf\u{E9}"), ColumnSchema(name: "cafe\u{301}"), ColumnSchema(name: "\u{212B}")]
        XCTAssertTrue(try RowFilter(parsing: "cafe\u{301}=b", columns: named).matches(Row([.string("a"), .string("b")])))
        XCTAssertTrue(try RowFilter(parsing: "caf\u{E9}=a", columns: named).matches(Row([.string("a"), .string("b")])))
        XCTAssertTrue(try RowFilter(parsing: "\u{C5}=c", columns: named).matches(Row([.null, .null, .string("c")])))
        XCTAssertThrowsError(try RowFilter(parsing: "CAFE\u{301}X=b", columns: named))
        // A value may begin with a combining mark: the operator is still found.
        XCTAssertTrue(try RowFilter(parsing: "label=\u{301}x", columns: columns).matches(Row([.int(0), .string("\u{301}X")])))
        XCTAssertFalse(try RowFilter(parsing: "label=\u{301}x", columns: columns).matches(Row([.int(0), .string("x")])))
        // Case is still ignored for real letter pairs.
        XCTAssertTrue(try RowFilter(parsing: "label=\u{E9}", columns: columns).matches(Row([.int(0), .string("\u{C9}")])))
        XCTAssertTrue(try RowFilter(parsing: "LABEL=k", columns: columns).matches(Row([.int(0), .string("K")])))
        XCTAssertFalse(try RowFilter(parsing: "label=k", columns: columns).matches(Row([.int(0), .string("\u{212A}")])))

        let model = TableViewModel(keyColumns: [0], spec: TableViewSpec(sortColumn: 1))
        let view = model.rows(for: state, changes: nil)
        let sorted = view.window(from: 0, limit: 100, keyColumns: [0]).map { bytes($0.row[1]) }
        XCTAssertEqual(sorted, texts.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
        // A text column compares `<` by bytes: "e" + U+0301 sorts before U+00E9.
        XCTAssertTrue(try RowFilter(parsing: "label<\u{E9}", columns: columns).matches(Row([.int(0), .string("e\u{301}")])))
        XCTAssertFalse(try RowFilter(parsing: "label<e\u{301}", columns: columns).matches(Row([.int(0), .string("\u{E9}")])))
    }
}

/// Filters on float columns treat NaN as PostgreSQL does: equal only to NaN, above every number.
final class SpecialFloatFilterTests: XCTestCase {
    func testNaNAndInfinitiesInFilters() throws {
        let columns = [ColumnSchema(name: "id"), ColumnSchema(name: "f")]
        let rows = [Row([.int(1), .double(.nan)]), Row([.int(2), .double(5)]), Row([.int(3), .double(.infinity)]),
                    Row([.int(4), .double(-.infinity)]), Row([.int(5), .double(-0.0)])]
        func ids(_ text: String) throws -> [Int64] {
            let f = try RowFilter(parsing: text, columns: columns)
            return rows.filter(f.matches).compactMap { if case .int(let i) = $0[0] { return i }; return nil }
        }
        XCTAssertEqual(try ids("f=NaN"), [1])
        XCTAssertEqual(try ids("f!=NaN"), [2, 3, 4, 5])
        XCTAssertEqual(try ids("f>1000"), [1, 3])
        XCTAssertEqual(try ids("f<0"), [4])
        XCTAssertEqual(try ids("f=0"), [5])
        XCTAssertEqual(try ids("f=-Infinity"), [4])
    }
}
