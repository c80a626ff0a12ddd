import Foundation
import MSRModel
import XCTest

/// Times of day across clock changes, with a real IANA zone's rules (Europe/Berlin).
final class DaylightSavingTests: XCTestCase {
    /// Foundation's rules for a zone, as the engine gives them to the model.
    private struct Rules: TimeZoneRules {
        let zone: TimeZone
        var identifier: String { zone.identifier }
        func secondsEast(at time: Timestamp) -> Int {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.micros) / 1_000_000))
        }
    }

    private func berlin() throws -> TimeZoneSetting {
        try TimeZoneSetting(parsing: "Europe/Berlin", named: { name in TimeZone(identifier: name).map { Rules(zone: $0) } })
    }

    private func utc(_ iso: String) throws -> Timestamp { try TimeSpec(parsing: iso).resolve(start: Timestamp(micros: 0)) }

    private func resolve(_ s: String, start: String, hours: Int64 = 6) throws -> Timestamp {
        let origin = try utc(start)
        return try TimeSpec(parsing: s).resolve(start: origin, end: origin + hours * 3_600_000_000, current: origin, zone: berlin())
    }

    func testWinterAndSummerOffsets() throws {
        let zone = try berlin()
        XCTAssertEqual(zone.name, "Europe/Berlin")
        XCTAssertEqual(try resolve("09:30", start: "2026-01-10T06:00:00Z"), try utc("2026-01-10T08:30:00Z"))
        XCTAssertEqual(try resolve("09:30", start: "2026-07-10T06:00:00Z"), try utc("2026-07-10T07:30:00Z"))
        XCTAssertEqual(try utc("2026-07-10T07:30:00Z").timeOfDay(in: zone), "09:30:00")
    }

    func testASkippedSpringTimeIsReadAsIfTheClockHadNotMovedYet() throws {
        // On 2026-03-29 Berlin's clocks go from 02:00 CET to 03:00 CEST (01:00Z).
        let night = "2026-03-28T23:30:00Z"
        XCTAssertEqual(try resolve("01:30", start: night), try utc("2026-03-29T00:30:00Z"))
        XCTAssertEqual(try resolve("02:30", start: night), try utc("2026-03-29T01:30:00Z"), "02:30 does not exist: 03:30 CEST")
        XCTAssertEqual(try resolve("03:30", start: night), try utc("2026-03-29T01:30:00Z"))
        XCTAssertEqual(try resolve("04:00", start: night), try utc("2026-03-29T02:00:00Z"))
    }

    func testARepeatedAutumnTimeIsTheEarlierOne() throws {
        // On 2026-10-25 Berlin's clocks go from 03:00 CEST back to 02:00 CET (01:00Z).
        let night = "2026-10-24T22:30:00Z"
        XCTAssertEqual(try resolve("02:30", start: night), try utc("2026-10-25T00:30:00Z"))
        XCTAssertEqual(try resolve("03:30", start: night), try utc("2026-10-25T02:30:00Z"))
        XCTAssertEqual(try utc("2026-10-25T01:30:00Z").timeOfDay(in: try berlin()), "02:30:00")
    }

    func testTheStartsLocalDateDecidesTheDay() throws {
        // 23:30Z on the 28th is 00:30 on the 29th in Berlin: 00:45 is the same night.
        XCTAssertEqual(try resolve("00:45", start: "2026-03-28T23:30:00Z"), try utc("2026-03-28T23:45:00Z"))
        XCTAssertEqual(try utc("2026-03-28T23:30:00Z").monthDay(in: try berlin()), "03-29")
    }
}
