import MSRModel
import XCTest

/// Times typed as a time of day or a step from the playhead, and the zones they are read in.
final class TimeOfDayAndStepTests: XCTestCase {
    private let start = Timestamp(micros: 1_773_475_200_000_000)  // 2026-03-14T08:00:00Z
    private let hour: Int64 = 3_600_000_000

    private func resolve(_ s: String, end: Timestamp? = nil, current: Timestamp? = nil,
                         zone: TimeZoneSetting = .utc, from start: Timestamp? = nil) throws -> Timestamp {
        let origin = start ?? self.start
        return try TimeSpec(parsing: s).resolve(start: origin, end: end ?? origin + 2 * hour, current: current ?? origin, zone: zone)
    }

    private func utc(_ iso: String) throws -> Timestamp { try TimeSpec(parsing: iso).resolve(start: start) }

    func testTimesOfDayAreOnTheRecordingsDateInUTC() throws {
        XCTAssertEqual(try resolve("09:30"), try utc("2026-03-14T09:30:00Z"))
        XCTAssertEqual(try resolve("9:30"), try utc("2026-03-14T09:30:00Z"))
        XCTAssertEqual(try resolve("09:30:15"), try utc("2026-03-14T09:30:15Z"))
        XCTAssertEqual(try resolve("09:30:15.250"), try utc("2026-03-14T09:30:15.250Z"))
        XCTAssertEqual(try resolve("09:30:15.000250"), try utc("2026-03-14T09:30:15.000250Z"))
        // Before the start, on a recording that stays within its day: that day, before the start.
        XCTAssertEqual(try resolve("07:00"), try utc("2026-03-14T07:00:00Z"))
    }

    func testATimeBeforeTheStartIsTheNextDayWhenTheRecordingCrossesMidnight() throws {
        let evening = try utc("2026-03-14T22:00:00Z")
        let overnight = evening + 4 * hour
        XCTAssertEqual(try resolve("01:00", end: overnight, from: evening), try utc("2026-03-15T01:00:00Z"))
        XCTAssertEqual(try resolve("23:15", end: overnight, from: evening), try utc("2026-03-14T23:15:00Z"))
        XCTAssertEqual(try resolve("21:00", end: evening + hour, from: evening), try utc("2026-03-14T21:00:00Z"),
                       "ending before midnight, 21:00 stays on the start's date")
    }

    func testAFixedOffsetZoneMovesTheDayAndTheHour() throws {
        let plus2 = try TimeZoneSetting(parsing: "+02:00", named: { _ in nil })
        XCTAssertEqual(plus2.name, "+02:00")
        XCTAssertEqual(try resolve("10:00", zone: plus2), try utc("2026-03-14T08:00:00Z"))
        // 08:00Z is 02:30 in -05:30: the start's local date is still the 14th there.
        let minus = try TimeZoneSetting(parsing: "-0530", named: { _ in nil })
        XCTAssertEqual(try resolve("03:00", zone: minus), try utc("2026-03-14T08:30:00Z"))
        XCTAssertEqual(try TimeZoneSetting(parsing: "utc", named: { _ in nil }), .utc)
        XCTAssertEqual(start.timeOfDay(in: plus2), "10:00:00")
        XCTAssertEqual((start + 250_000).timeOfDay(in: minus, millis: true), "02:30:00.250")
        XCTAssertEqual(start.timeOfDay(in: .utc, seconds: false), "08:00")
    }

    func testUnknownZonesAreRefusedInOneSentence() {
        for bad in ["", "Mars/Olympus", "+25:00", "+02:60", "2", "+2:3"] {
            XCTAssertThrowsError(try TimeZoneSetting(parsing: bad, named: { _ in nil }), bad) { error in
                XCTAssertTrue("\(error)".contains("not a time zone msr knows"), "\(error)")
            }
        }
    }

    func testStepsAreFromThePlayhead() throws {
        let playhead = start + hour
        XCTAssertEqual(try resolve("-10m", current: playhead), playhead + -600_000_000)
        XCTAssertEqual(try resolve("+30s", current: playhead), playhead + 30_000_000)
        XCTAssertEqual(try resolve("+1h30m", current: playhead), playhead + 5_400_000_000)
        XCTAssertEqual(try resolve("-90s", current: playhead), playhead + -90_000_000)
        XCTAssertEqual(try resolve("+1m1.5s", current: playhead), playhead + 61_500_000)
        XCTAssertEqual(try resolve("+2h", current: playhead), playhead + 2 * hour)
    }

    func testOldFormsKeepTheirMeaningBesideTheNewOnes() throws {
        let playhead = start + hour
        // `+30` is from the start, `+30s` from the playhead.
        XCTAssertEqual(try TimeSpec(parsing: "+30"), .offset(30_000_000))
        XCTAssertEqual(try TimeSpec(parsing: "+30s"), .relative(30_000_000))
        XCTAssertEqual(try resolve("+30", current: playhead), start + 30_000_000)
        XCTAssertEqual(try resolve("+01:30:00", current: playhead), start + 5_400_000_000)
        XCTAssertEqual(try resolve("2026-03-14T08:00:00Z", current: playhead), start)
        // The old entry point reads steps from the start and times of day in UTC.
        XCTAssertEqual(try TimeSpec(parsing: "+30s").resolve(start: start), start + 30_000_000)
        XCTAssertEqual(try TimeSpec(parsing: "08:30").resolve(start: start), start + 1_800_000_000)
    }

    func testBadNewFormsAreRefusedNamingEveryForm() {
        for bad in ["-90", "-", "+1h30", "+30m1h", "+1m1m", "+1.5m30s", "+s", "24:00", "09:60", "09:3", "09:30:61",
                    "09:30:15.1234567", "123:00", "09:30Z", "-10x"] {
            XCTAssertThrowsError(try TimeSpec(parsing: bad), bad) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("09:30") && text.contains("-10m") && text.contains("+90") && text.contains("ISO-8601"), text)
            }
        }
    }
}
