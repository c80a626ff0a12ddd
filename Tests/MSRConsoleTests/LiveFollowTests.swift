import MSRConsole
import MSREngine
import MSRModel
import MSRStore
import MSRTerminal
import MSRTestSupport
import XCTest

/// A recording that is being captured opens live: the playhead sits at now and new events
/// stream into the grids; leaving live mode scrubs history while capture goes on; L returns.
final class LiveFollowTests: XCTestCase {
    private func change(_ id: Int64, _ name: String, at t: Int64) -> SourceChange {
        SourceChange(table: TableName(schema: "public", name: "units"), op: .insert, commitTime: Timestamp(micros: t),
                     position: SourcePosition(t), keyFields: [Field("id", .int(id))], after: [Field("id", .int(id)), Field("name", .string(name))])
    }

    func testConsoleFollowsALiveCaptureAndReturnsToIt() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("live.msr")
        let store = try SQLiteRecordingStore(creatingAt: path)
        let writer = try RecordingWriter(store: store)
        _ = try writer.write((1...10).map { change($0, "unit \($0)", at: 1_000_000 * $0) })
        try writer.heartbeat()

        let handle = try RecordingHandle(
            path: path,
            openStore: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path) },
            openWritable: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path, writable: true) })
        XCTAssertTrue(handle.isBeingCaptured)
        let clock = ManualClock(100)
        let app = try ConsoleApp(recording: handle, clock: clock)
        XCTAssertTrue(app.liveSessions.contains(ConsoleApp.sharedSession))
        let pane = try XCTUnwrap(app.focusedPane)
        XCTAssertEqual(app.focusedSession?.playhead.seq, 10)
        app.tick()
        _ = pane.feed.waitForFrame(seq: 10)
        app.tick()
        XCTAssertEqual(pane.rowCount, 10)

        // The capture goes on: new rows stream in.
        _ = try writer.write((11...15).map { change($0, "unit \($0)", at: 1_000_000 * $0) })
        clock.advance(by: 1.1)
        app.tick()
        XCTAssertEqual(app.focusedSession?.playhead.seq, 15)
        _ = pane.feed.waitForFrame(seq: 15)
        app.tick()
        XCTAssertEqual(pane.rowCount, 15)
        XCTAssertEqual((11...15).filter { pane.highlights[RowKey([.int($0)])]?.kind == .inserted }.count, 5,
                       "the new rows are highlighted as inserted")

        // Scrubbing leaves live mode; capture goes on; L returns to now.
        app.perform(.jumpToFraction(0.2))
        XCTAssertFalse(app.liveSessions.contains(ConsoleApp.sharedSession))
        _ = try writer.write([change(16, "late", at: 16_000_000)])
        clock.advance(by: 1.1)
        app.tick()
        XCTAssertLessThan(app.focusedSession?.playhead.seq ?? 0, 16)
        app.perform(.live)
        XCTAssertEqual(app.focusedSession?.playhead.seq, 16)

        // A stopped capture clears its heartbeat: the next opening is not live.
        try writer.heartbeat(stopping: true)
        XCTAssertFalse(handle.isBeingCaptured)
    }
}
