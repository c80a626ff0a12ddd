import MSREngine
import MSRModel
import XCTest

/// Tick marks and labels at a readable step, and the column ↔ time mapping of the strip.
final class TimelineTicksTests: XCTestCase {
    private let start = Timestamp(micros: 1_773_475_200_000_000)  // 2026-03-14T08:00:00Z
    private let second: Int64 = 1_000_000

    private func ticks(_ seconds: Int64, width: Int, zone: TimeZoneSetting = .utc, from: Timestamp? = nil) -> TimelineTicks {
        let s = from ?? start
        return TimelineTicks(scale: TimelineScale(start: s, end: s + seconds * second, width: width), zone: zone)
    }

    func testTenMinutesOnEightyColumnsTickEveryMinute() {
        let t = ticks(600, width: 80)
        XCTAssertEqual(t.step, 60 * second)
        XCTAssertEqual(t.ticks.map(\.time), (0...10).map { start + Int64($0) * 60 * second })
        XCTAssertEqual(t.ticks.first?.label, "08:00")
        XCTAssertEqual(t.ticks.map(\.column).first, 0)
        XCTAssertEqual(t.ticks.last?.column, 79)
        XCTAssertNil(t.ticks.last?.label, "the last label would run past the strip")
        XCTAssertEqual(t.ticks[9].label, "08:09")
    }

    func testShortSpansAreLabelledWithSeconds() {
        let t = ticks(30, width: 80, from: start + 3 * second)
        XCTAssertEqual(t.step, 5 * second)
        XCTAssertEqual(t.ticks.compactMap(\.label).prefix(3), ["08:00:05", "08:00:10", "08:00:15"])
    }

    func testLongSpansUseHoursThenDays() {
        XCTAssertEqual(ticks(86_400, width: 100).step, 2 * 3600 * second)
        XCTAssertEqual(ticks(86_400, width: 70).step, 3 * 3600 * second)
        let week = ticks(7 * 86_400, width: 60)
        XCTAssertEqual(week.step, 86_400 * second)
        XCTAssertEqual(week.ticks.first?.label, "03-15", "days tick at midnight and are labelled by date")
        XCTAssertGreaterThanOrEqual(ticks(400 * 86_400, width: 40).step, 604_800 * second)
    }

    func testTicksFallOnWholeLocalHoursInTheZone() throws {
        let india = try TimeZoneSetting(parsing: "+05:30")
        let t = ticks(12 * 3600, width: 100, zone: india)
        XCTAssertEqual(t.step, 3600 * second)
        // 08:00Z is 13:30 there: the first whole local hour is 14:00, 08:30Z.
        XCTAssertEqual(t.ticks.first?.time, start + 1800 * second)
        XCTAssertEqual(t.ticks.first?.label, "14:00")
    }

    func testASkippedSpringHourIsNotLabelled() throws {
        // Berlin's clocks go from 02:00 to 03:00 on 2026-03-29 (01:00Z).
        let berlin = try TimeZoneSetting(parsing: "Europe/Berlin")
        let night = Timestamp(micros: 1_774_735_200_000_000)  // 2026-03-28T22:00:00Z, 23:00 local
        XCTAssertEqual(night.timeOfDay(in: berlin, seconds: false), "23:00")
        let t = ticks(8 * 3600, width: 100, zone: berlin, from: night)
        XCTAssertEqual(t.step, 3600 * second)
        XCTAssertEqual(t.ticks.compactMap(\.label), ["23:00", "00:00", "01:00", "03:00", "04:00", "05:00", "06:00", "07:00"])
        XCTAssertEqual(t.ticks.map(\.time), (0...8).map { night + Int64($0) * 3600 * second }, "one tick an hour all the same")
    }

    func testUnknownZoneNamesAreRefused() {
        XCTAssertThrowsError(try TimeZoneSetting(parsing: "Mars/Olympus"))
        XCTAssertEqual(try TimeZoneSetting(parsing: "America/New_York").name, "America/New_York")
    }

    func testLabelsNeverOverlapAndTheStepIsTheSmallestThatFits() {
        for width in [10, 23, 40, 80, 157, 200] {
            for seconds: Int64 in [1, 7, 45, 61, 599, 3601, 20_000, 86_399, 1_000_000, 9_000_000] {
                let t = ticks(seconds, width: width, from: start + 123_456)
                var end = -1
                for tick in t.ticks {
                    XCTAssertTrue((0..<width).contains(tick.column))
                    XCTAssertEqual(tick.time.micros % t.step, 0, "on a whole step")
                    guard let label = tick.label else { continue }
                    XCTAssertGreaterThan(tick.column, end, "\(seconds) s on \(width): labels apart")
                    XCTAssertLessThanOrEqual(tick.column + label.count, width)
                    end = tick.column + label.count
                }
                if let i = TimelineTicks.steps.firstIndex(of: t.step / second), i > 0 {
                    let smaller = TimelineTicks.steps[i - 1] * second
                    let labelWidth = smaller < 60 * second ? 8 : 5
                    let columnsApart = Double(smaller) / Double(seconds * second) * Double(width - 1)
                    XCTAssertLessThan(columnsApart, Double(labelWidth + 2), "\(seconds) s on \(width): a smaller step would not fit")
                }
            }
        }
    }

    func testTheScaleMapsColumnsAsTheTimelineDoes() throws {
        let fixture = try EngineFixture(count: 200)
        let timeline = try Timeline(store: fixture.store)
        for width in [2, 9, 78, 198] {
            let scale = TimelineScale(timeline: timeline, width: width)
            for column in 0..<width {
                let time = scale.time(atColumn: column)
                XCTAssertEqual(time, timeline.time(atFraction: Double(column) / Double(width - 1)))
                XCTAssertEqual(scale.column(of: time), column, "a time read out is drawn where it was read")
                XCTAssertEqual(scale.column(of: time),
                               min(width - 1, max(0, Int(timeline.fraction(of: time) * Double(width - 1) + 0.5))))
            }
            XCTAssertEqual(scale.column(of: timeline.start + -1_000_000), 0)
            XCTAssertEqual(scale.column(of: timeline.end + 1_000_000), width - 1)
        }
    }
}
