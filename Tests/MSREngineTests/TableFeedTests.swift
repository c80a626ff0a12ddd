import Dispatch
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Prefetching frames: right states, buffered ahead of the playhead, changes across frames.
final class TableFeedTests: XCTestCase {
    func testRequestedFrameEqualsAFreshReconstruction() throws {
        let f = try EngineFixture()
        let table = try f.table("alpha")
        let feed = TableFeed(table: table, openStore: f.open, notifyQueue: DispatchQueue(label: "test"))
        let timeline = try Timeline(store: f.store)
        for seq in [Int64(400), 37, 599, 0, 250] {
            let plan = FeedPlan(seq: seq, time: try timeline.time(ofSeq: seq), speed: .realTime, direction: .forward, isPlaying: false)
            _ = feed.frame(for: plan)
            let frame = try XCTUnwrap(feed.waitForFrame(seq: seq))
            XCTAssertTrue(sameRows(frame.state, try f.state(table, atSeq: seq)), "seq \(seq)")
        }
        XCTAssertNil(feed.error)
    }

    func testPlayingFillsTheBufferAheadAndChangesChainAcrossFrames() throws {
        let f = try EngineFixture(seed: 4, count: 800, truncates: false)
        let table = try f.table("beta")
        let feed = TableFeed(table: table, openStore: f.open, notifyQueue: DispatchQueue(label: "test"))
        let timeline = try Timeline(store: f.store)
        let start: Int64 = 100
        let plan = FeedPlan(seq: start, time: try timeline.time(ofSeq: start), speed: .max, direction: .forward, isPlaying: true)
        _ = feed.frame(for: plan)
        let first = try XCTUnwrap(feed.waitForFrame(seq: start))
        let target = start + 3 * PlaybackSpeed.eventsPerTickAtMax
        let last = min(target, timeline.lastSeq)
        let later = try XCTUnwrap(feed.waitForFrame(seq: last))
        XCTAssertGreaterThanOrEqual(feed.bufferedAhead ?? 0, last)
        // The changes chained from the first frame to a later one are exactly the diff.
        let changes = try XCTUnwrap(feed.changes(from: first.seq, to: later))
        let diff = TableDiff(from: first.state, to: later.state)
        XCTAssertEqual(changes.inserted, Set(diff.inserted.map(\.key)))
        XCTAssertEqual(Set(changes.deleted.keys), Set(diff.deleted.map(\.key)))
        XCTAssertTrue(Set(diff.updated.map(\.key)).isSubset(of: Set(changes.updated.keys)))
    }

    func testPlayingBackwardsPrefetchesBackwards() throws {
        let f = try EngineFixture(seed: 8, count: 500)
        let table = try f.table("alpha")
        let feed = TableFeed(table: table, openStore: f.open, notifyQueue: DispatchQueue(label: "test"))
        let timeline = try Timeline(store: f.store)
        let seq: Int64 = 480
        let plan = FeedPlan(seq: seq, time: try timeline.time(ofSeq: seq), speed: .rate(30), direction: .backward, isPlaying: true)
        _ = feed.frame(for: plan)
        _ = try XCTUnwrap(feed.waitForFrame(seq: seq))
        let next = try timeline.seq(atOrBefore: plan.time + Int64(-30 * 1_000_000 / 30))
        let frame = try XCTUnwrap(feed.waitForFrame(seq: next))
        XCTAssertTrue(sameRows(frame.state, try f.state(table, atSeq: next)))
    }

    /// A position between two buffered frames is served at once, made from buffered events.
    func testPositionsBetweenBufferedFramesAreServedWithoutWaiting() throws {
        let f = try EngineFixture(seed: 12, count: 900, truncates: false)
        let table = try f.table("alpha")
        let feed = TableFeed(table: table, openStore: f.open, notifyQueue: DispatchQueue(label: "test"))
        let timeline = try Timeline(store: f.store)
        var plan = FeedPlan(seq: 50, time: try timeline.time(ofSeq: 50), speed: .max, direction: .forward, isPlaying: true)
        _ = feed.frame(for: plan)
        _ = try XCTUnwrap(feed.waitForFrame(seq: 50))
        let next = min(50 + PlaybackSpeed.eventsPerTickAtMax, timeline.lastSeq)
        _ = try XCTUnwrap(feed.waitForFrame(seq: next))
        for between in [Int64(51), 300, next - 1] {
            plan.seq = between
            let frame = try XCTUnwrap(feed.frame(for: plan), "seq \(between) was not served at once")
            XCTAssertEqual(frame.seq, between)
            XCTAssertTrue(sameRows(frame.state, try f.state(table, atSeq: between)), "seq \(between)")
        }
        // And backwards, from the later frame.
        plan.direction = .backward
        plan.seq = 200
        let back = try XCTUnwrap(feed.frame(for: plan))
        XCTAssertTrue(sameRows(back.state, try f.state(table, atSeq: 200)))
    }
}
