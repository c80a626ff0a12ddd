import MSRModel
import XCTest

/// Parsing and writing times as users type them.
final class TimeTests: XCTestCase {
    private let start = Timestamp(micros: 1_773_475_200_000_000)  // 2026-03-14T08:00:00Z

    private func resolve(_ s: String) throws -> Timestamp { try TimeSpec(parsing: s).resolve(start: start) }

    func testAbsoluteForms() throws {
        XCTAssertEqual(try resolve("2026-03-14T08:00:00Z"), start)
        XCTAssertEqual(try resolve("2026-03-14T08:00:00.250Z"), start + 250_000)
        XCTAssertEqual(try resolve("2026-03-14T08:00:00.000250Z"), start + 250)
        XCTAssertEqual(try resolve("2026-03-14T09:30:00+01:30"), start)
        XCTAssertEqual(try resolve("2026-03-14T06:00:00.5-02:00".replacingOccurrences(of: ".5", with: ".500")), start + 500_000)
        XCTAssertEqual(try resolve("2026-03-14 08:00:01Z"), start + 1_000_000)
        XCTAssertEqual(try resolve("1969-12-31T23:59:59Z"), Timestamp(micros: -1_000_000))
        XCTAssertEqual(try resolve("2024-02-29T00:00:00Z").iso8601, "2024-02-29T00:00:00Z")
    }

    func testOffsetForms() throws {
        XCTAssertEqual(try resolve("+90"), start + 90_000_000)
        XCTAssertEqual(try resolve("+90.5"), start + 90_500_000)
        XCTAssertEqual(try resolve("+01:30:00"), start + 5_400_000_000)
        XCTAssertEqual(try resolve("+1:30:00.250"), start + 5_400_250_000)
        XCTAssertEqual(try resolve("+02:05"), start + 125_000_000)
    }

    func testBadTimesAreRefused() {
        for bad in ["", "yesterday", "2026-02-30T00:00:00Z", "2026-03-14T25:00:00Z", "2026-03-14T08:00:00",
                    "2026-03-14T08:00:00.12Z", "+", "+1:70:00", "+-5", "+1.1234567", "2026-03-14T08:00:00Zjunk"] {
            XCTAssertThrowsError(try TimeSpec(parsing: bad), bad) { error in
                XCTAssertTrue("\(error)".contains("ISO-8601"))
            }
        }
    }

    func testWritingTimes() {
        XCTAssertEqual(start.iso8601, "2026-03-14T08:00:00Z")
        XCTAssertEqual((start + 250_000).iso8601, "2026-03-14T08:00:00.250Z")
        XCTAssertEqual((start + 250).iso8601, "2026-03-14T08:00:00.000250Z")
        XCTAssertEqual(Timestamp.formatOffset(5_400_250_000), "+01:30:00.250")
        XCTAssertEqual(Timestamp.formatOffset(-1_000), "-00:00:00.001")
    }
}
