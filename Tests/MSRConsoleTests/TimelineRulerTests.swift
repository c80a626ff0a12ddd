@testable import MSRConsole
import MSREngine
import MSRModel
import MSRTerminal
import XCTest

/// The timeline ruler alone, drawn from plain values on a screen buffer: bars, ticks and
/// labels, every session's playhead, bookmarks, the loop and the pointer's read-out.
final class TimelineRulerTests: XCTestCase {
    private let start = Timestamp(micros: 1_773_475_200_000_000)  // 2026-03-14T08:00:00Z
    private let minute: Int64 = 60_000_000
    private let theme = ConsoleHarness.defaultTheme

    private func ruler(span: Int64, density: [Int] = [], playheads: [TimelineRuler.Playhead] = [],
                       bookmarks: [Timestamp] = [], loop: ClosedRange<Timestamp>? = nil, pointer: Timestamp? = nil,
                       zone: TimeZoneSetting = .utc) -> TimelineRuler {
        TimelineRuler(start: start, end: start + span, density: density, playheads: playheads, bookmarks: bookmarks,
                      loop: loop, pointer: pointer, zone: zone, theme: theme)
    }

    private func draw(_ r: TimelineRuler, width: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: 3)
        r.draw(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: 3))
        return buffer
    }

    /// A burst in the middle of the span, rising and falling.
    private let burst = (0..<60).map { max(0, 30 - abs($0 - 30) * 3) }

    func testTenMinutesWithTwoSessionsBookmarksAndALoop() {
        let r = ruler(span: 10 * minute, density: burst,
                      playheads: [.init(time: start + 2 * minute, isFocused: true), .init(time: start + 7 * minute, isFocused: false)],
                      bookmarks: [start + 5 * minute], loop: (start + 4 * minute)...(start + 6 * minute))
        let buffer = draw(r, width: 82)
        assertSnapshot(buffer.lines, named: "timeline-ruler-sessions")
        let scale = TimelineRuler.scale(start: start, end: start + 10 * minute, area: Rect(x: 0, y: 0, width: 82, height: 3))
        let focused = 1 + scale.column(of: start + 2 * minute), other = 1 + scale.column(of: start + 7 * minute)
        XCTAssertEqual(buffer.cell(x: focused, y: 0)?.style, theme[.playhead])
        XCTAssertEqual(buffer.cell(x: focused, y: 0)?.text, "┃")
        XCTAssertEqual(buffer.cell(x: other, y: 0)?.style, theme[.timelineLabel])
        XCTAssertEqual(buffer.cell(x: other, y: 1)?.text, "△")
        XCTAssertEqual(buffer.cell(x: 1 + scale.column(of: start + 5 * minute), y: 0)?.style, theme[.bookmark])
        XCTAssertEqual(buffer.cell(x: 1 + scale.column(of: start + 4 * minute) + 1, y: 1)?.style, theme[.loopRange])
        XCTAssertNotEqual(theme[.playhead], theme[.timelineLabel], "the focused playhead stands out")
    }

    func testThePointerIsReadOutAndHidesTheLabelsUnderIt() {
        let pointerTime = TimelineRuler.time(atColumn: 41, area: Rect(x: 0, y: 0, width: 82, height: 3),
                                             start: start, end: start + 10 * minute)
        let r = ruler(span: 10 * minute, density: burst, playheads: [.init(time: start, isFocused: true)], pointer: pointerTime)
        let buffer = draw(r, width: 82)
        assertSnapshot(buffer.lines, named: "timeline-ruler-pointer")
        XCTAssertTrue(buffer.line(2).contains(pointerTime.timeOfDay(in: .utc, millis: true)))
        XCTAssertEqual(buffer.cell(x: 41, y: 1)?.text, "┆", "the read-out's mark is at the pointer's column")
    }

    func testSecondsInAZoneOnANarrowStrip() throws {
        let zone = try TimeZoneSetting(parsing: "+02:00")
        let r = ruler(span: 45 * 1_000_000, density: [3, 0, 1, 8, 2], playheads: [.init(time: start + 30_000_000, isFocused: true)],
                      pointer: start + 10_000_000, zone: zone)
        assertSnapshot(draw(r, width: 40).lines, named: "timeline-ruler-seconds-zone")
    }

    func testTheReadOutIsWhereAClickSeeks() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let timeline = try XCTUnwrap(h.app.focusedSession).timeline
        let area = Rect(x: 0, y: 28, width: 100, height: 2)
        for x in [1, 2, 30, 50, 97, 98] {
            XCTAssertEqual(TimelineRuler.time(atColumn: x, area: area, start: timeline.start, end: timeline.end),
                           TimelineView.time(atColumn: x, area: area, timeline: timeline), "column \(x)")
            let t = TimelineView.time(atColumn: x, area: area, timeline: timeline)
            XCTAssertEqual(1 + TimelineRuler.scale(start: timeline.start, end: timeline.end, area: area).column(of: t),
                           TimelineView.column(of: t, timeline: timeline, x0: 1, width: 98))
        }
    }
}
