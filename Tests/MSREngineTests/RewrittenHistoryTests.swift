import Dispatch
import Foundation
import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// A recording whose tail the writer rewrites (late events) while it is read: a feed reading
/// lazily on its own connection carries on with the rewritten history and shows no error;
/// damage is still damage; a pinned reader answers for the recording as it was.
final class RewrittenHistoryTests: XCTestCase {
    let keys: [TableName: [String]] = [RandomChangeStream.tableA: ["id"], RandomChangeStream.tableB: ["region", "n"]]

    /// A recording written in the test, with changes from its middle held back to arrive late.
    private struct LiveRecording {
        let path: String
        let store: SQLiteRecordingStore
        let writer: RecordingWriter
        let all: [SourceChange]
        let early: [SourceChange]
        let late: [SourceChange]

        init(in dir: TemporaryDirectory, seed: UInt64) throws {
            path = dir.path("live.msr")
            var stream = RandomChangeStream(seed: seed, keySpace: 500)
            let changes = stream.changes(4000, truncates: false)
            // As a NATS capture merges messages delivered late: every ninth of a stretch in
            // the middle comes after everything else.
            let held = Set(stride(from: 1500, to: 2500, by: 9))
            all = changes
            early = changes.indices.filter { !held.contains($0) }.map { changes[$0] }
            late = held.sorted().map { changes[$0] }
            store = try SQLiteRecordingStore(creatingAt: path)
            writer = try RecordingWriter(store: store, options: WriterOptions(
                keyframeInterval: 60, keyOverrides: ["ops.beta": ["region", "n"]]))
            XCTAssertTrue(try writer.write(early).rejected.isEmpty)
        }

        var open: @Sendable () throws(RecordingError) -> RecordingStore {
            let p = path
            return { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: p) }
        }

        /// Writes the held-back changes: the writer re-derives the tail after the first of them.
        func writeLate() throws {
            let report = try writer.write(late)
            XCTAssertTrue(report.rejected.isEmpty)
            XCTAssertGreaterThan(report.rederived, 1000, "the late changes rewrote the tail")
        }
    }

    private func assertSame(_ state: TableState, _ schema: TableSchema, _ expected: [[Value]: ReplayOracle.NamedRow]?,
                            _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        var actual: [[Value]: ReplayOracle.NamedRow] = [:]
        for (k, row) in state.rows { actual[k.values] = ReplayOracle.named(row, columns: schema.columns) }
        let want = (expected ?? [:]).mapValues(ReplayOracle.withoutNulls)
        XCTAssertEqual(actual.count, want.count, "rows of \(schema.name.qualified) \(context)", file: file, line: line)
        for (k, row) in want where actual[k] != row {
            return XCTFail("\(schema.name.qualified) \(context): key \(k) is \(actual[k].map { "\($0)" } ?? "missing"), expected \(row)",
                           file: file, line: line)
        }
    }

    private func waitUntilIdle(_ feed: TableFeed) {
        let deadline = Date().addingTimeInterval(20)
        while !feed.isIdle && Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
    }

    /// The feed shows the end of the recording; late changes rewrite the tail, deleting the
    /// pages of the keyframe its frame was read from; the frame's rows are looked at after,
    /// and then the next frame is asked for. No error, and every frame after is the oracle's.
    func testAFeedReadsAgainWhenTheTailIsRewrittenBetweenTwoFrames() throws {
        let dir = TemporaryDirectory()
        let live = try LiveRecording(in: dir, seed: 31)
        let table = try live.store.summary().table(named: "alpha")
        let feed = TableFeed(table: table, openStore: live.open, notifyQueue: DispatchQueue(label: "test"))
        // The console's own connection, refreshed as it follows the capture.
        let console = try Timeline(store: try live.open())
        func plan(_ seq: Int64) throws -> FeedPlan {
            FeedPlan(seq: seq, time: try console.time(ofSeq: seq), speed: .realTime, direction: .forward, isPlaying: false)
        }
        let end = console.lastSeq
        let shownPlan = try plan(end)
        _ = feed.frame(for: shownPlan)
        let shown = try XCTUnwrap(feed.waitForFrame(seq: end))
        waitUntilIdle(feed)
        XCTAssertEqual(shown.revision, 0)

        try live.writeLate()
        XCTAssertEqual(try live.open().historyRevision(), 1)

        // Drawn after the rewrite, the frame shown finds its pages gone: that is no damage.
        let drawn = Array(shown.state.rows).count
        XCTAssertLessThan(drawn, shown.state.count, "the shown frame's pages were rewritten (the case under test)")
        XCTAssertNil(shown.damage)
        XCTAssertNil(feed.error)

        // Asked again for the same position, the feed has dropped what it buffered and reads
        // the recording as it is now.
        XCTAssertNil(feed.frame(for: shownPlan), "a frame of the rewritten history was served")
        let again = try XCTUnwrap(feed.waitForFrame(seq: end))
        XCTAssertEqual(again.revision, 1)
        let oracle = ReplayOracle(changes: live.all, keyColumns: keys)
        assertSame(again.state, table, oracle.state(afterFirst: Int(end))[table.name], "at \(end) after the rewrite")

        // Following the end: the next frame is the end after the late changes.
        try console.refresh()
        XCTAssertEqual(console.lastSeq, Int64(oracle.ordered.count))
        let next = console.lastSeq
        _ = feed.frame(for: try plan(next))
        let frame = try XCTUnwrap(feed.waitForFrame(seq: next))
        assertSame(frame.state, table, oracle.state(afterFirst: Int(next))[table.name], "at the new end \(next)")
        // And somewhere inside the rewritten stretch, reached from the frame before.
        let inside: Int64 = 2000
        _ = feed.frame(for: try plan(inside))
        let middle = try XCTUnwrap(feed.waitForFrame(seq: inside))
        assertSame(middle.state, table, oracle.state(afterFirst: Int(inside))[table.name], "at \(inside)")
        waitUntilIdle(feed)
        XCTAssertNil(frame.damage)
        XCTAssertNil(middle.damage)
        XCTAssertNil(feed.error, "\(String(describing: feed.error))")
    }

    /// The rewrite comes between two frames with the shown frame's rows never looked at: the
    /// feed finds the revision moved when it reads the next frame, and does not walk on from
    /// a state of the history before.
    func testTheNextFrameAfterARewriteIsNotWalkedFromTheHistoryBefore() throws {
        let dir = TemporaryDirectory()
        let live = try LiveRecording(in: dir, seed: 32)
        let oracle = ReplayOracle(changes: live.all, keyColumns: keys)
        let console = try Timeline(store: try live.open())
        func plan(_ seq: Int64) throws -> FeedPlan {
            FeedPlan(seq: seq, time: try console.time(ofSeq: seq), speed: .realTime, direction: .forward, isPlaying: false)
        }
        let end = console.lastSeq
        var feeds: [(TableSchema, TableFeed)] = []
        for name in ["alpha", "ops.beta"] {
            let table = try live.store.summary().table(named: name)
            let feed = TableFeed(table: table, openStore: live.open, notifyQueue: DispatchQueue(label: "test"))
            _ = feed.frame(for: try plan(end))
            _ = try XCTUnwrap(feed.waitForFrame(seq: end))
            waitUntilIdle(feed)
            feeds.append((table, feed))
        }
        try live.writeLate()
        try console.refresh()
        let next = console.lastSeq
        XCTAssertGreaterThan(next, end)
        for (table, feed) in feeds {
            _ = feed.frame(for: try plan(next))
            let frame = try XCTUnwrap(feed.waitForFrame(seq: next))
            assertSame(frame.state, table, oracle.state(afterFirst: Int(next))[table.name], "\(table.name) at \(next)")
            waitUntilIdle(feed)
            XCTAssertNil(frame.damage)
            XCTAssertNil(feed.error, "\(String(describing: feed.error))")
        }
    }

    /// A page that is missing while no rewrite was counted is damage: reported, once, and the
    /// feed stops rather than reading again and again.
    func testAMissingPageWithoutARewriteIsDamage() throws {
        let dir = TemporaryDirectory()
        let live = try LiveRecording(in: dir, seed: 33)
        let table = try live.store.summary().table(named: "alpha")
        let feed = TableFeed(table: table, openStore: live.open, notifyQueue: DispatchQueue(label: "test"))
        let console = try Timeline(store: try live.open())
        let end = console.lastSeq
        let shownPlan = FeedPlan(seq: end, time: try console.time(ofSeq: end), speed: .realTime, direction: .forward, isPlaying: false)
        _ = feed.frame(for: shownPlan)
        let shown = try XCTUnwrap(feed.waitForFrame(seq: end))
        waitUntilIdle(feed)
        // Lost pages and keyframes of the table, as damage to their b-trees would hide them.
        let db = try SQLiteDatabase(path: live.path, create: false)
        try db.execute("DELETE FROM pages WHERE table_id = \(table.id)")
        try db.execute("DELETE FROM keyframes WHERE table_id = \(table.id)")
        _ = Array(shown.state.rows).count
        let error = try XCTUnwrap(shown.damage, "rows missing from the frame were not reported")
        guard case .corrupt = error else { return XCTFail("not reported as damage: \(error)") }
        XCTAssertTrue("\(error)".contains("keyframe page"), "\(error)")
        guard case .corrupt = try XCTUnwrap(feed.error) else { return XCTFail("the feed does not report the damage") }
        // The same plan again: nothing is read again, the damage stays what the feed says.
        _ = feed.frame(for: shownPlan)
        waitUntilIdle(feed)
        XCTAssertTrue(feed.isIdle)
        guard case .corrupt = try XCTUnwrap(feed.error) else { return XCTFail("the damage was replaced") }
    }

    /// `msr state` and `msr diff` pin one read transaction: a rewrite committed while they
    /// read changes none of their answers, which are those of the recording when they began.
    func testPinnedAnswersAreOfTheRecordingWhenTheyBegan() throws {
        let dir = TemporaryDirectory()
        let live = try LiveRecording(in: dir, seed: 34)
        let before = ReplayOracle(changes: live.early, keyColumns: keys)
        let r = try Reconstructor(store: try SQLiteRecordingStore(openingAt: live.path), pinned: true)
        let times = before.ordered.map(\.commitTime)
        let moments = stride(from: 0, to: times.count, by: times.count / 9).map { times[$0] } + [times[times.count - 1]]
        let alpha = try r.summary.table(named: "alpha")
        assertSame(try r.state(of: alpha, at: moments[4]), alpha, before.state(at: moments[4])[alpha.name], "before the rewrite")

        try live.writeLate()

        for table in r.summary.tables {
            for t in moments.reversed() {
                assertSame(try r.state(of: table, at: t), table, before.state(at: t)[table.name], "at \(t.micros)")
            }
            let (a, b) = (moments[2], moments[7])
            let diff = try r.diff(of: table, from: a, to: b)
            let sa = (before.state(at: a)[table.name] ?? [:]).mapValues(ReplayOracle.withoutNulls)
            let sb = (before.state(at: b)[table.name] ?? [:]).mapValues(ReplayOracle.withoutNulls)
            XCTAssertEqual(Set(diff.inserted.map(\.key.values)), Set(sb.keys).subtracting(sa.keys), "\(table.name) inserted")
            XCTAssertEqual(Set(diff.deleted.map(\.key.values)), Set(sa.keys).subtracting(sb.keys), "\(table.name) deleted")
            let updated = Set(sa.keys).intersection(sb.keys).filter { sa[$0] != sb[$0] }
            XCTAssertEqual(Set(diff.updated.map(\.key.values)), updated, "\(table.name) updated")
        }
        try r.checkIntact()
        // A command started after the rewrite answers for the whole.
        let after = ReplayOracle(changes: live.all, keyColumns: keys)
        let fresh = try Reconstructor(store: try SQLiteRecordingStore(openingAt: live.path), pinned: true)
        assertSame(try fresh.state(of: alpha, at: moments[5]), alpha, after.state(at: moments[5])[alpha.name], "after the rewrite")
    }
    /// Unpinned, an answer whose pages a rewrite took away is not given as whole: the check
    /// after it says the recording was rewritten (ask again), not that it is damaged.
    func testAnUnpinnedAnswerWithRewrittenPagesIsNotGivenAsWhole() throws {
        let dir = TemporaryDirectory()
        let live = try LiveRecording(in: dir, seed: 35)
        let r = try Reconstructor(store: try SQLiteRecordingStore(openingAt: live.path))
        let alpha = try r.summary.table(named: "alpha")
        let state = try r.state(of: alpha, at: try XCTUnwrap(r.summary.lastCommit))
        try r.checkIntact()
        try live.writeLate()
        XCTAssertLessThan(Array(state.rows).count, state.count, "the pages were rewritten (the case under test)")
        XCTAssertThrowsError(try r.checkIntact()) { error in
            guard case RecordingError.historyRewritten = error else { return XCTFail("\(error)") }
        }
    }

    /// A writer merging late batches on its own thread while a feed follows the end, without
    /// any step between them: whatever the interleaving, no error, and once the writer is done
    /// the end's frame is the oracle's.
    func testAFeedFollowingAWriterThatKeepsRewritingEndsRight() throws {
        let dir = TemporaryDirectory()
        let live = try LiveRecording(in: dir, seed: 37)
        let table = try live.store.summary().table(named: "alpha")
        let feed = TableFeed(table: table, openStore: live.open, notifyQueue: DispatchQueue(label: "test"))
        let console = try Timeline(store: try live.open())
        // The late changes in piles written latest first: each sorts before the one stored
        // last, so every write rewrites the tail.
        let piles = stride(from: 0, to: live.late.count, by: 23).map { Array(live.late[$0..<min($0 + 23, live.late.count)]) }
        nonisolated(unsafe) let writer = live.writer
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        Thread.detachNewThread {
            do { for pile in piles.reversed() { _ = try writer.write(pile) } } catch { failure = error }
            done.signal()
        }
        var finished = false
        while !finished {
            finished = done.wait(timeout: .now()) == .success
            try console.refresh()
            let end = console.lastSeq
            _ = feed.frame(for: FeedPlan(seq: end, time: try console.time(ofSeq: end), speed: .realTime, direction: .forward, isPlaying: false))
            if let frame = feed.waitForFrame(seq: end) { _ = Array(frame.state.rows).count }
            XCTAssertNil(feed.error, "\(String(describing: feed.error))")
            if feed.error != nil { break }
        }
        XCTAssertNil(failure)
        try console.refresh()
        let end = console.lastSeq
        let oracle = ReplayOracle(changes: live.all, keyColumns: keys)
        XCTAssertEqual(end, Int64(oracle.ordered.count))
        _ = feed.frame(for: FeedPlan(seq: end, time: try console.time(ofSeq: end), speed: .realTime, direction: .forward, isPlaying: false))
        let frame = try XCTUnwrap(feed.waitForFrame(seq: end))
        assertSame(frame.state, table, oracle.state(afterFirst: Int(end))[table.name], "at the end")
        waitUntilIdle(feed)
        XCTAssertNil(frame.damage)
        XCTAssertNil(feed.error)
    }
}
