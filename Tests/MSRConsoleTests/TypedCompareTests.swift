@testable import MSRConsole
import MSREngine
import MSRModel
import MSRTerminal
import XCTest

/// Filters, sorting and breakpoints compare what the grid shows: a decimal sent as base64
/// bytes by its exact value, a time sent as a count of microseconds chronologically.
final class TypedCompareTests: XCTestCase {
    private func typed() throws -> ConsoleHarness {
        try ConsoleHarness(width: 120, height: 30, write: { try TypedFixture.write(to: $0) })
    }

    private func count(_ h: ConsoleHarness, _ filter: String) -> Int {
        h.perform(.filter(filter))
        return h.app.focusedPane?.rowCount ?? -1
    }

    func testDecimalFilterComparesTheShownNumbers() throws {
        let h = try typed()
        h.perform(.goTo("+00:01:40"))
        // Units 1…10 fell below 10; 45…50 stand above 90 (10.0 + 1.8 × i).
        XCTAssertEqual(count(h, "strength<10"), 10, h.text)
        XCTAssertEqual(count(h, "strength>90"), 6, h.text)
        XCTAssertEqual(count(h, "strength>=100"), 1, h.text)
        XCTAssertEqual(count(h, "strength=100"), 1, h.text)
        XCTAssertEqual(count(h, "strength=4.5"), 1, "unit 10 at 9.5 − 5.0")
        XCTAssertEqual(count(h, "strength<=-1"), 0)
        XCTAssertEqual(count(h, "strength<5.1"), 2)
        XCTAssertTrue(h.text.contains(" 5.0 ") && h.text.contains(" 4.5 "), "the grid shows the decimals:\n\(h.text)")
    }

    func testDecimalsBeyondDoublePrecisionCompareExactly() throws {
        let h = try typed()
        // 1234567890123456.77, .78 and .79 are one double; as decimals they are three values.
        XCTAssertEqual(count(h, "balance>1234567890123456.78"), 17)
        XCTAssertEqual(count(h, "balance=1234567890123456.78"), 17)
        XCTAssertEqual(count(h, "balance<1234567890123456.78"), 16)
        XCTAssertEqual(count(h, "balance<1.23456789012345678e15"), 16)
    }

    func testTimesAndDatesFilterChronologically() throws {
        let h = try typed()
        // updated_at is start + id s; 08:00:30 has 30 units at or before it.
        XCTAssertEqual(count(h, "updated_at<=2026-03-14T08:00:30Z"), 30)
        XCTAssertEqual(count(h, "updated_at>2026-03-14T08:00:30.5Z"), 20)
        XCTAssertEqual(count(h, "updated_at>2026-03-14T09:00:30+01:00"), 20, "an offset names the same moment")
        XCTAssertEqual(count(h, "updated_at=2026-03-14T08:00:07Z"), 1)
        XCTAssertEqual(count(h, "updated_at<2026-03-14"), 0)
        // day is 2026-03-14 + id: 2026-04-01 is id 18.
        XCTAssertEqual(count(h, "day<2026-04-01"), 17)
        XCTAssertEqual(count(h, "day=2026-04-01"), 1)
        XCTAssertEqual(count(h, "day~2026-04"), 30, "contains reads the shown date")
    }

    func testSortingADecimalColumnOrdersByValue() throws {
        let h = try typed()
        h.perform(.goTo("+00:01:40"))
        h.perform(.sort("strength"))
        let type = TypedFixture.decimal1
        let shown = h.app.focusedPane?.rows?.window(from: 0, limit: 50, keyColumns: [0])
            .map { Double(ValueFormatter.format($0.row[1], as: type)) ?? .nan } ?? []
        XCTAssertEqual(shown.count, 50)
        XCTAssertEqual(shown, shown.sorted(), "ascending by the numbers shown")
        XCTAssertEqual(shown.first, 4.5)
        XCTAssertEqual(shown.last, 100)
        h.perform(.sort("-strength"))
        let first = h.app.focusedPane?.rows?.window(from: 0, limit: 1, keyColumns: [0]).first?.row[0]
        XCTAssertEqual(first, .int(50))
    }

    func testABreakpointOnADecimalFires() throws {
        let h = try typed()
        h.perform(.breakpoint("strength<10"))
        XCTAssertTrue(h.header.contains("breakpoint"), h.header)
        h.perform(.setSpeed(.rate(10)))
        h.press("space")
        h.elapse(3)
        // Unit 1 falls to 9.0 at +00:00:10.
        XCTAssertTrue(h.header.contains("⏸ paused"), h.header)
        XCTAssertTrue(h.header.contains("+00:00:10.000"), h.header)
        XCTAssertTrue(h.bottomLine.contains("Breakpoint"), h.bottomLine)
    }

    func testTheOrderOfTypedValues() {
        let d = TypedFixture.decimal1
        XCTAssertEqual(TypedValueOrder.compare(.string(TypedFixture.base64(unscaled: -5)), d, with: "-0.4"), .less)
        XCTAssertEqual(TypedValueOrder.compare(.string(TypedFixture.base64(unscaled: 5)), d, with: "0.50"), .equal)
        XCTAssertEqual(TypedValueOrder.compare(.double(.nan), .unknown, with: "1"), .greater)
        XCTAssertEqual(TypedValueOrder.compare(.null, d, with: "1"), .unordered)
        XCTAssertEqual(TypedValueOrder.compare(.int(Int64.max), .unknown, with: "9223372036854775806"), .greater)
        XCTAssertEqual(TypedValueOrder.compare(.string("abc"), .unknown, with: "1"), .byText)
        let keys = [-120, -12, -1, 0, 1, 12, 120].map { DecimalNumber(Int64($0)).sortKey }
        XCTAssertEqual(keys, keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
        XCTAssertEqual(DecimalNumber("-1.10"), DecimalNumber("-1.1"))
        XCTAssertLessThan(DecimalNumber("-1.11")!, DecimalNumber("-1.1")!)
        XCTAssertNil(DecimalNumber("1e99999999"))
        XCTAssertNil(DecimalNumber("12a"))
        XCTAssertNil(DecimalNumber(String(repeating: "9", count: 2000) + "x"))
        // Times as typed: a day, a moment with an offset, a time of day; impossible dates refused.
        XCTAssertEqual(ChronoPoint(parsing: "2026-03-14")?.seconds, 1_773_446_400)
        XCTAssertEqual(ChronoPoint(parsing: "2026-03-14T09:00+01:00"), ChronoPoint(parsing: "2026-03-14T08:00:00Z"))
        XCTAssertEqual(ChronoPoint(parsing: "08:05:30.25")?.nanos, 250_000_000)
        XCTAssertEqual(ChronoPoint(parsing: "08:05:30.25")?.isTimeOfDay, true)
        for bad in ["2026-02-30", "2026-13-01", "25:00", "2026-03-14T08:00:00.1234567890Z", "yesterday", ""] {
            XCTAssertNil(ChronoPoint(parsing: bad), bad)
        }
        // PostgreSQL's own text: numeric as decimal text, timestamptz with a short zone.
        let numeric = ColumnType(kind: "numeric", parameters: ["scale": "2"])
        XCTAssertEqual(TypedValueOrder.compare(.string("12345678901234567890.50"), numeric, with: "12345678901234567890.49"), .greater)
        let sorted = ["10.5", "9.75", "-2", "100"].map { TypedValueOrder.sortValue(.string($0), numeric) }.sorted()
        XCTAssertEqual(sorted, ["-2", "9.75", "10.5", "100"].map { TypedValueOrder.sortValue(.string($0), numeric) })
        let tstz = ColumnType(kind: "timestamptz")
        XCTAssertEqual(TypedValueOrder.compare(.string("2026-03-14 09:00:00+01"), tstz, with: "2026-03-14T08:00:00Z"), .equal)
        XCTAssertEqual(TypedValueOrder.compare(.string("2026-03-14 13:30:00.5+05:30"), tstz, with: "2026-03-14T08:00:00Z"), .greater)
        let micro = ColumnType(kind: "int64", semantic: "io.debezium.time.MicroTimestamp")
        XCTAssertEqual(TypedValueOrder.compare(.int(TypedFixture.start + 1), micro, with: "2026-03-14T08:00:00.000001Z"), .equal)
        XCTAssertEqual(TypedValueOrder.compare(.int(TypedFixture.start), micro, with: "2026-03-14T08:00:00.000001Z"), .less)
        XCTAssertNil(DecimalNumber(""))
    }
}
