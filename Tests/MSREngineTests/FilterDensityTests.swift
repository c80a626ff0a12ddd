import Dispatch
import MSREngine
import MSRModel
import MSRStore
import XCTest

/// A filter's density: the events whose row before or after matches, in the activity's buckets.
final class FilterDensityTests: XCTestCase {
    private func density(_ text: String, _ table: TableSchema, buckets: Int, batch: Int) throws -> FilterDensity {
        var d = FilterDensity(table: table.id, filter: try RowFilter(parsing: text, columns: table.columns), buckets: buckets)
        d.batchSize = batch
        return d
    }

    func testAFilterEveryRowMatchesCountsEveryEventWithARow() throws {
        let fixture = try EngineFixture(count: 500, truncates: false)
        let alpha = try fixture.table("public.alpha")
        let events = try fixture.store.events(in: 1...fixture.store.summary().lastSeq, table: alpha.id)
        let imageless = events.filter { $0.before == nil && $0.after == nil }
        for buckets in [1, 13, 80] {
            let counts = try XCTUnwrap(try density("id>=0", alpha, buckets: buckets, batch: 17).count(in: fixture.store))
            let activity = try fixture.store.activity(buckets: buckets, table: alpha.id)
            // Only events without a row (deletes of rows never seen) are left out.
            XCTAssertEqual(zip(activity, counts).map { $0 - $1 }.reduce(0, +), imageless.count, "\(buckets) buckets")
            XCTAssertTrue(zip(activity, counts).allSatisfy { $0 >= $1 })
        }
    }

    func testCountsMatchEventsReadOneByOne() throws {
        let fixture = try EngineFixture(count: 600)
        let alpha = try fixture.table("public.alpha")
        let filter = try RowFilter(parsing: "score>20", columns: alpha.columns)
        let summary = try fixture.store.summary()
        let edges = ActivityBuckets(first: try XCTUnwrap(summary.firstCommit), last: try XCTUnwrap(summary.lastCommit), count: 40)
        var expected = Array(repeating: 0, count: 40)
        for e in try fixture.store.events(in: 1...summary.lastSeq, table: alpha.id) {
            let before = e.before.map(filter.matches) ?? false, after = e.after.map(filter.matches) ?? false
            if before || after { expected[edges.bucket(of: e.commitTime)] += 1 }
        }
        XCTAssertGreaterThan(expected.reduce(0, +), 0)
        XCTAssertLessThan(expected.reduce(0, +), try fixture.store.activity(buckets: 40, table: alpha.id).reduce(0, +))
        for batch in [1, 9, 10_000] {
            XCTAssertEqual(try density("score>20", alpha, buckets: 40, batch: batch).count(in: fixture.store), expected, "batch \(batch)")
        }
    }

    func testProgressRisesToTheLastSeqAndStoppingGivesNothing() throws {
        let fixture = try EngineFixture(count: 300)
        let beta = try fixture.table("ops.beta")
        let d = try density("level>0", beta, buckets: 10, batch: 20)
        var seen: [FilterDensity.Progress] = []
        _ = try d.count(in: fixture.store) { seen.append($0); return true }
        XCTAssertGreaterThan(seen.count, 2, "read in batches")
        XCTAssertEqual(seen.map(\.throughSeq), seen.map(\.throughSeq).sorted())
        XCTAssertEqual(seen.last?.throughSeq, try fixture.store.summary().lastSeq)
        XCTAssertEqual(seen.last?.fraction, 1)
        var calls = 0
        XCTAssertNil(try d.count(in: fixture.store) { _ in calls += 1; return false })
        XCTAssertEqual(calls, 1, "stopped after the first batch")
    }

    func testTheJobCountsOnItsOwnQueueAndCanBeCancelled() throws {
        let fixture = try EngineFixture(count: 300)
        let beta = try fixture.table("ops.beta")
        let d = try density("level>0", beta, buckets: 10, batch: 20)
        let notify = DispatchQueue(label: "test.density")
        let job = DensityJob(density: d, openStore: fixture.open, notifyQueue: notify)
        job.start()
        guard case .finished(let counts) = job.wait() else { return XCTFail("the job did not finish: \(job.state)") }
        XCTAssertEqual(counts, try d.count(in: fixture.store))

        let cancelled = DensityJob(density: d, openStore: fixture.open, notifyQueue: notify)
        cancelled.cancel()
        cancelled.start()
        guard case .cancelled = cancelled.wait() else { return XCTFail("the job was not cancelled: \(cancelled.state)") }
    }

    func testAJobOnAMissingRecordingFails() {
        let d = FilterDensity(table: 1, filter: try! RowFilter(parsing: "x", columns: []), buckets: 4)
        let job = DensityJob(density: d, openStore: { () throws(RecordingError) -> RecordingStore in
            try SQLiteRecordingStore(openingAt: "/nonexistent/msr-density/none.msr")
        }, notifyQueue: DispatchQueue(label: "test.density.fail"))
        job.start()
        guard case .failed = job.wait() else { return XCTFail("a missing recording did not fail the job") }
    }
}
