@testable import MSRConsole
import MSREngine
import MSRModel
import MSRStore
import MSRTerminal
import MSRTestSupport
import XCTest

/// The message line tells the latest thing (a breakpoint once, a stale error cleared by a
/// command that worked) and the header's achieved speed is the speed played.
final class MessagesAndSpeedTests: XCTestCase {
    func testABreakpointMessageDoesNotCoverLaterMessages() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("tab", "tab")           // alerts
        h.perform(.breakpoint("severity=high"))
        h.perform(.setSpeed(.rate(60)))
        h.press("space")
        h.elapse(3)
        XCTAssertTrue(h.bottomLine.contains("Breakpoint: event"), h.bottomLine)
        h.press("]")
        XCTAssertTrue(h.bottomLine.contains("Speed 120x"), h.bottomLine)
        h.elapse(0.5)
        XCTAssertTrue(h.bottomLine.contains("Speed 120x"), "still the latest message: \(h.bottomLine)")
        // Playing on, the next hit is told again.
        h.press("space")
        h.elapse(3)
        XCTAssertTrue(h.bottomLine.contains("Breakpoint: event"), h.bottomLine)
    }

    func testACommandThatWorksClearsAStaleError() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.filter("colour=red"))
        XCTAssertTrue(h.bottomLine.contains("There is no column 'colour'"), h.bottomLine)
        h.perform(.filter("side=RED"))
        XCTAssertFalse(h.bottomLine.contains("There is no column"), h.bottomLine)
        h.perform(.sort("altitude"))
        XCTAssertTrue(h.bottomLine.contains("There is no column 'altitude'"), h.bottomLine)
        h.press("right")
        XCTAssertFalse(h.bottomLine.contains("altitude"), h.bottomLine)
    }

    func testAchievedSpeedAfterTheLoopWraps() throws {
        let h = try ConsoleHarness(width: 120, height: 30)
        h.perform(.goTo("+00:01:00"))
        h.press("a")
        h.perform(.goTo("+00:01:10"))
        h.press("b")
        h.perform(.setSpeed(.rate(10)))
        h.press("space")
        for _ in 0..<60 {
            h.elapse(h.tick)
            let speed = try XCTUnwrap(h.app.focusedSession?.achievedSpeed)
            XCTAssertLessThan(speed, 10.5, "wrapping back is not playing fast: \(h.header)")
        }
        // Two seconds of wall time at 10x cover 20 s, so the 10 s loop wrapped at least once.
        XCTAssertGreaterThan(try XCTUnwrap(h.app.focusedSession?.achievedSpeed), 9.5)
        XCTAssertTrue(h.header.contains("(10.0x)"), h.header)
    }

    /// 10,000 events a hundred a second over 100 s, then one at +600 s.
    static func dense(to path: String) throws {
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 1000)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 1000))
        let columns = [ColumnSchema(name: "id", type: ColumnType(kind: "int64")), ColumnSchema(name: "n", type: ColumnType(kind: "int64"))]
        var changes: [SourceChange] = []
        for i in 0...10_000 {
            let micros = i == 10_000 ? 600_000_000 : Int64(i) * 10_000
            var c = SourceChange(table: TableName(schema: "ops", name: "ticks"), op: i < 10 ? .insert : .update,
                                 commitTime: Timestamp(micros: ExerciseFixture.start + micros), position: SourcePosition(Int64(i + 1)),
                                 columns: columns, origin: i + 1)
            c.after = [Field("id", .int(Int64(i % 10))), Field("n", .int(Int64(i)))]
            c.keyFields = [c.after![0]]
            changes.append(c)
        }
        _ = try writer.write(changes)
        store.close()
    }

    func testMaxIsNeverSlowerThan1000x() throws {
        let dir = TemporaryDirectory("msr-dense")
        let path = dir.path("dense.msr")
        try Self.dense(to: path)
        let clock = ManualClock(1000)
        let s = ReplaySession(id: 0, timeline: try Timeline(store: try SQLiteRecordingStore(openingAt: path)), clock: clock)
        try s.seek(to: s.timeline.start)
        s.setSpeed(.max)
        s.play()
        clock.advance(by: 1.0 / 30)
        try s.tick()
        let played = Double(s.playhead.time - s.timeline.start) / 1_000_000
        // A frame (1/30 s) at 1000x is 33.3 s; 2,500 of these events are only 25 s.
        XCTAssertGreaterThanOrEqual(played, 33.3)
        XCTAssertGreaterThanOrEqual(s.achievedSpeed, 999)
        // Where events are sparse, 2,500 of them still go further than 1000x would.
        try s.seek(to: s.timeline.start + 99_000_000)
        s.play()
        clock.advance(by: 1.0 / 30)
        try s.tick()
        XCTAssertEqual(s.playhead.seq, s.timeline.lastSeq)
    }
}
