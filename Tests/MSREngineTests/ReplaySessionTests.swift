import MSREngine
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// The playhead: pacing by a stepped clock, speeds, direction, stepping, loops, breakpoints.
final class ReplaySessionTests: XCTestCase {
    private func session(_ f: EngineFixture) throws -> (ReplaySession, ManualClock) {
        let clock = ManualClock()
        return (ReplaySession(id: 1, timeline: try Timeline(store: f.store), clock: clock), clock)
    }

    func testPlaybackFollowsTheClockTimesTheSpeed() throws {
        let f = try EngineFixture()
        let (s, clock) = try session(f)
        try s.seek(to: s.timeline.start)
        s.setSpeed(.rate(60))
        s.play()
        clock.advance(by: 0.5)
        XCTAssertTrue(try s.tick())
        XCTAssertEqual(s.playhead.time - s.timeline.start, 30_000_000)
        XCTAssertEqual(s.playhead.seq, try s.timeline.seq(atOrBefore: s.playhead.time))
        XCTAssertEqual(s.achievedSpeed, 60, accuracy: 0.01)
        s.reverse()
        clock.advance(by: 0.25)
        try s.tick()
        XCTAssertEqual(s.playhead.time - s.timeline.start, 15_000_000)
        s.pause()
        clock.advance(by: 10)
        XCTAssertFalse(try s.tick())
    }

    func testPlayingPastTheEndStopsThere() throws {
        let f = try EngineFixture()
        let (s, clock) = try session(f)
        s.setSpeed(.rate(1000))
        s.play()
        clock.advance(by: 3600)
        try s.tick()
        XCTAssertEqual(s.playhead.seq, s.timeline.lastSeq)
        XCTAssertFalse(s.playhead.isPlaying)
        s.setSpeed(.max)
        s.reverse()
        s.play()
        var ticks = 0
        while s.playhead.isPlaying && ticks < 1000 { clock.advance(by: 0.03); try s.tick(); ticks += 1 }
        XCTAssertEqual(s.playhead.seq, 0)
    }

    func testSteppingMovesOneEventEachWay() throws {
        let f = try EngineFixture()
        let (s, _) = try session(f)
        try s.seek(toSeq: 10)
        XCTAssertTrue(try s.step(forward: true))
        XCTAssertEqual(s.playhead.seq, 11)
        XCTAssertEqual(s.playhead.time, try f.store.commitTime(ofSeq: 11))
        XCTAssertTrue(try s.step(forward: false))
        XCTAssertTrue(try s.step(forward: false))
        XCTAssertEqual(s.playhead.seq, 9)
        try s.seek(toSeq: 0)
        XCTAssertFalse(try s.step(forward: false))
    }

    func testLoopWrapsAround() throws {
        let f = try EngineFixture()
        let (s, clock) = try session(f)
        let a = s.timeline.start + 10_000_000, b = s.timeline.start + 20_000_000
        try s.seek(to: a); s.setLoopStart()
        try s.seek(to: b); s.setLoopEnd()
        try s.seek(to: b + -1_000_000)
        s.setSpeed(.rate(1))
        s.play()
        clock.advance(by: 2)
        try s.tick()
        XCTAssertEqual(s.playhead.time, a)
        XCTAssertTrue(s.playhead.isPlaying)
        s.clearLoop()
        XCTAssertNil(s.playhead.loop)
    }

    func testBreakpointPausesOnAMatchingChange() throws {
        let f = try EngineFixture()
        let (s, clock) = try session(f)
        let alpha = try f.table("alpha")
        s.breakpoint = EventBreakpoint(table: alpha.id, filter: try RowFilter(parsing: "score>90", columns: alpha.columns))
        s.setSpeed(.max)
        s.play()
        for _ in 0..<100 where s.playhead.isPlaying { clock.advance(by: 0.03); try s.tick() }
        let hit = try XCTUnwrap(s.breakpointHit)
        XCTAssertFalse(s.playhead.isPlaying)
        XCTAssertEqual(s.playhead.seq, hit.seq)
        let score = alpha.columnIndex(named: "score")!
        let values = [hit.before?[score], hit.after?[score]].compactMap { $0 }
        XCTAssertTrue(hit.op == .truncate || values.contains { if case .int(let v) = $0 { return v > 90 } else { return false } })
        // Nothing between the start and the hit matched.
        let earlier = try f.store.events(in: 1...(hit.seq - 1), table: alpha.id)
        XCTAssertFalse(earlier.contains(where: s.breakpoint!.matches))
    }

    func testSpeedLadder() {
        XCTAssertEqual(PlaybackSpeed.realTime.faster, .rate(2))
        XCTAssertEqual(PlaybackSpeed.rate(1000).faster, .max)
        XCTAssertEqual(PlaybackSpeed.max.slower, .rate(1000))
        XCTAssertEqual(PlaybackSpeed.rate(0.1).slower, .rate(0.1))
        XCTAssertEqual(PlaybackSpeed.rate(45).faster, .rate(60))
        XCTAssertEqual(PlaybackSpeed(typed: "2.5"), .rate(2.5))
        XCTAssertEqual(PlaybackSpeed(typed: "max"), .max)
        XCTAssertNil(PlaybackSpeed(typed: "fast"))
        XCTAssertEqual(PlaybackSpeed.rate(0.25).label, "0.25x")
        XCTAssertEqual(PlaybackSpeed.rate(60).label, "60x")
    }
}
