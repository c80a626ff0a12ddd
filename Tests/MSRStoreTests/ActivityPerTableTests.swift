@testable import MSRStore
import MSRModel
import MSRTestSupport
import XCTest

/// Activity per table: the events of one table in the buckets the all-tables activity uses.
final class ActivityPerTableTests: XCTestCase {
    private func insert(_ table: String, id: Int64, at t: Int64, pos: Int64) -> SourceChange {
        var c = SourceChange(table: TableName(schema: "public", name: table), op: .insert,
                             commitTime: Timestamp(micros: t), position: SourcePosition(pos),
                             columns: [ColumnSchema(name: "id", type: ColumnType(kind: "int64"))])
        c.after = [Field("id", .int(id))]
        return c
    }

    /// Writes `times` per table, interleaved by time, and returns the open store.
    private func store(_ times: [(String, Int64)], in dir: TemporaryDirectory) throws -> SQLiteRecordingStore {
        let store = try SQLiteRecordingStore(creatingAt: dir.path("r.msr"))
        let sorted = times.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
        let changes = sorted.enumerated().map { n, item in
            insert(item.element.0, id: Int64(n + 1), at: item.element.1, pos: Int64(n + 1))
        }
        _ = try RecordingWriter(store: store).write(changes)
        return store
    }

    private func id(_ name: String, _ store: SQLiteRecordingStore) throws -> TableID {
        try XCTUnwrap(store.tables().first { $0.name.name.utf8Equal(name) }).id
    }

    func testEachTableCountsOnlyItsEventsInTheSharedBuckets() throws {
        let dir = TemporaryDirectory()
        let store = try store([("units", 0), ("units", 5), ("tracks", 10), ("tracks", 11), ("tracks", 12),
                               ("units", 15), ("tracks", 50), ("units", 95), ("tracks", 99)], in: dir)
        // The span 0...99 µs in ten buckets of ten.
        XCTAssertEqual(try store.activity(buckets: 10), [2, 4, 0, 0, 0, 1, 0, 0, 0, 2])
        XCTAssertEqual(try store.activity(buckets: 10, table: nil), [2, 4, 0, 0, 0, 1, 0, 0, 0, 2])
        XCTAssertEqual(try store.activity(buckets: 10, table: id("units", store)), [2, 1, 0, 0, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(try store.activity(buckets: 10, table: id("tracks", store)), [0, 3, 0, 0, 0, 1, 0, 0, 0, 1])
    }

    func testPerTableBucketsAddUpToTheAllTablesOneAtAnyBucketCount() throws {
        let dir = TemporaryDirectory()
        var random = SeededRandom(seed: 7)
        var times: [(String, Int64)] = []
        for _ in 0..<300 {
            times.append((["a", "b", "c"][Int(random.next() % 3)], Int64(random.next() % 1_000_003)))
        }
        let store = try store(times, in: dir)
        let tables = try store.tables().map(\.id)
        let events = try store.events(in: 1...300, table: nil)
        for buckets in [1, 7, 60, 333] {
            let all = try store.activity(buckets: buckets)
            let perTable = try tables.map { t throws -> [Int] in try store.activity(buckets: buckets, table: t) }
            XCTAssertEqual((0..<buckets).map { b in perTable.reduce(0) { $0 + $1[b] } }, all, "\(buckets) buckets")
            // Each event lies in the bucket the shared edges give its commit time.
            let edges = ActivityBuckets(first: events[0].commitTime, last: events[events.count - 1].commitTime, count: buckets)
            for (t, counts) in zip(tables, perTable) {
                var expected = Array(repeating: 0, count: buckets)
                for e in events where e.table == t { expected[edges.bucket(of: e.commitTime)] += 1 }
                XCTAssertEqual(counts, expected, "table \(t), \(buckets) buckets")
            }
        }
    }

    func testAnEmptyRecordingHasEmptyBuckets() throws {
        let dir = TemporaryDirectory()
        let store = try SQLiteRecordingStore(creatingAt: dir.path("r.msr"))
        XCTAssertEqual(try store.activity(buckets: 4, table: 1), [0, 0, 0, 0])
    }

    func testBucketOfATimeAgreesWithTheUpperBounds() {
        let edges = ActivityBuckets(first: Timestamp(micros: 100), last: Timestamp(micros: 1_100), count: 7)
        var bucket = 0
        for t in Int64(100)...1_100 {
            while Timestamp(micros: t) > edges.upperBound(ofBucket: bucket) { bucket += 1 }
            XCTAssertEqual(edges.bucket(of: Timestamp(micros: t)), bucket, "t=\(t)")
        }
        XCTAssertEqual(bucket, 6)
    }
}
