import XCTest
@testable import MSRModel

final class ValueFormatterTests: XCTestCase {
    private func type(_ semantic: String?, kind: String = "", _ parameters: [String: String] = [:]) -> ColumnType {
        ColumnType(kind: kind, semantic: semantic, parameters: parameters)
    }

    private func decimal(_ base64: String, scale: String? = "2") -> String {
        ValueFormatter.format(.string(base64), as: type("org.apache.kafka.connect.data.Decimal", kind: "bytes",
                                                       scale.map { ["scale": $0] } ?? [:]))
    }

    func testDates() {
        let date = type("io.debezium.time.Date", kind: "int32")
        XCTAssertEqual(ValueFormatter.format(.int(20513), as: date), "2026-03-01")
        XCTAssertEqual(ValueFormatter.format(.int(0), as: date), "1970-01-01")
        XCTAssertEqual(ValueFormatter.format(.int(-1), as: date), "1969-12-31")
        XCTAssertEqual(ValueFormatter.format(.int(11016), as: date), "2000-02-29")
        XCTAssertEqual(ValueFormatter.format(.int(20513), as: type("org.apache.kafka.connect.data.Date")), "2026-03-01")
        XCTAssertEqual(ValueFormatter.format(.int(Int64.max), as: date), String(Int64.max))
        XCTAssertEqual(ValueFormatter.format(.int(-719_529), as: date), "-0001-12-31")
    }

    func testTimesOfDay() {
        XCTAssertEqual(ValueFormatter.format(.int(36_900_250), as: type("io.debezium.time.Time")), "10:15:00.250")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_000), as: type("io.debezium.time.Time")), "10:15:00")
        XCTAssertEqual(ValueFormatter.format(.int(0), as: type("io.debezium.time.Time")), "00:00:00")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_250), as: type("org.apache.kafka.connect.data.Time")), "10:15:00.250")
        let micro = type("io.debezium.time.MicroTime", kind: "int64")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_250_000), as: micro), "10:15:00.250")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_250_123), as: micro), "10:15:00.250123")
        XCTAssertEqual(ValueFormatter.format(.int(86_399_999_999), as: micro), "23:59:59.999999")
        XCTAssertEqual(ValueFormatter.format(.int(86_400_000_000), as: micro), "24:00:00")
        let nano = type("io.debezium.time.NanoTime", kind: "int64")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_250_123_456), as: nano), "10:15:00.250123456")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_000_000_000), as: nano), "10:15:00")
        XCTAssertEqual(ValueFormatter.format(.int(36_900_000_001_000), as: nano), "10:15:00.000001")
    }

    func testTimestamps() {
        XCTAssertEqual(ValueFormatter.format(.int(1_772_360_100_250), as: type("io.debezium.time.Timestamp")),
                       "2026-03-01T10:15:00.250Z")
        XCTAssertEqual(ValueFormatter.format(.int(1_772_360_100_000), as: type("org.apache.kafka.connect.data.Timestamp")),
                       "2026-03-01T10:15:00Z")
        XCTAssertEqual(ValueFormatter.format(.int(1_772_360_100_250_123), as: type("io.debezium.time.MicroTimestamp")),
                       "2026-03-01T10:15:00.250123Z")
        let nano = type("io.debezium.time.NanoTimestamp")
        XCTAssertEqual(ValueFormatter.format(.int(1_772_360_100_250_123_456), as: nano), "2026-03-01T10:15:00.250123456Z")
        XCTAssertEqual(ValueFormatter.format(.int(1_772_360_100_000_000_000), as: nano), "2026-03-01T10:15:00Z")
        XCTAssertEqual(ValueFormatter.format(.int(-1), as: nano), "1969-12-31T23:59:59.999999999Z")
        XCTAssertEqual(ValueFormatter.format(.int(-1), as: type("io.debezium.time.MicroTimestamp")), "1969-12-31T23:59:59.999999Z")
        XCTAssertFalse(ValueFormatter.format(.int(Int64.max), as: nano).isEmpty)
        XCTAssertFalse(ValueFormatter.format(.int(Int64.min), as: type("io.debezium.time.Timestamp")).isEmpty)
    }

    func testZonedAndOtherStringsAsTheyAre() {
        XCTAssertEqual(ValueFormatter.format(.string("2026-03-01T10:15:00.25+01:00"), as: type("io.debezium.time.ZonedTimestamp")),
                       "2026-03-01T10:15:00.25+01:00")
        XCTAssertEqual(ValueFormatter.format(.string("10:15:00Z"), as: type("io.debezium.time.ZonedTime")), "10:15:00Z")
        XCTAssertEqual(ValueFormatter.format(.string(Value.unavailablePlaceholder), as: type("io.debezium.time.Date")),
                       Value.unavailablePlaceholder)
    }

    func testDecimals() {
        XCTAssertEqual(decimal("AeI6"), "1234.50")
        XCTAssertEqual(decimal("/h3G"), "-1234.50")
        XCTAssertEqual(decimal("AeI6", scale: "0"), "123450")
        XCTAssertEqual(decimal("AeI6", scale: nil), "123450")
        XCTAssertEqual(decimal("/h3G", scale: "0"), "-123450")
        XCTAssertEqual(decimal("BQ==", scale: "3"), "0.005")
        XCTAssertEqual(decimal("+w==", scale: "3"), "-0.005")
        XCTAssertEqual(decimal("BQ==", scale: "1"), "0.5")
        XCTAssertEqual(decimal("AA=="), "0.00")
        XCTAssertEqual(decimal("", scale: "0"), "0")
        XCTAssertEqual(decimal("AeI6", scale: "-2"), "12345000")
        XCTAssertEqual(decimal("fw==", scale: "0"), "127")
        XCTAssertEqual(decimal("gA==", scale: "0"), "-128")
        XCTAssertEqual(decimal("AIA=", scale: "0"), "128")
        XCTAssertEqual(decimal("/38=", scale: "0"), "-129")
        XCTAssertEqual(decimal("AeI6", scale: "5"), "1.23450")
        XCTAssertEqual(decimal("AeI6", scale: "6"), "0.123450")
        XCTAssertEqual(decimal("AeI6", scale: "8"), "0.00123450")
    }

    func testDecimalsLongerThanEightBytes() {
        XCTAssertEqual(decimal("AIAAAAAAAAAA", scale: "0"), "9223372036854775808")
        XCTAssertEqual(decimal("/4AAAAAAAAAA", scale: "0"), "-9223372036854775808")
        XCTAssertEqual(decimal("DJ8snNBGdO3qQAAABw==", scale: "0"), "1000000000000000000000000000007")
        XCTAssertEqual(decimal("82DTYy+5ixIVv///+Q==", scale: "0"), "-1000000000000000000000000000007")
        XCTAssertEqual(decimal("CUmw9vACMxPESZBQ3jjzTg==", scale: "10"), "1234567890123456789012345678.9012345678")
        XCTAssertEqual(decimal("DJ8snNBGdO3qQAAABw==", scale: "30"), "1.000000000000000000000000000007")
    }

    func testDecimalAgreesWithIntegerArithmetic() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unscaled = Int64(bitPattern: state) >> (i % 64)
            let scale = i % 7
            var divisor: Int64 = 1
            for _ in 0..<scale { divisor *= 10 }
            let whole = (unscaled / divisor).magnitude, frac = (unscaled % divisor).magnitude
            var expected = (unscaled < 0 ? "-" : "") + String(whole)
            if scale > 0 {
                let digits = String(frac)
                expected += "." + String(repeating: "0", count: scale - digits.count) + digits
            }
            XCTAssertEqual(decimal(base64(minimalBytes(unscaled)), scale: String(scale)), expected, "\(unscaled) scale \(scale)")
        }
    }

    /// The shortest big-endian two's-complement bytes of `n`, as Kafka Connect writes them.
    private func minimalBytes(_ n: Int64) -> [UInt8] {
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: n >> (56 - 8 * $0)) }
        while bytes.count > 1, (bytes[0] == 0 && bytes[1] & 0x80 == 0) || (bytes[0] == 0xFF && bytes[1] & 0x80 != 0) {
            bytes.removeFirst()
        }
        return bytes
    }

    private func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        for chunk in stride(from: 0, to: bytes.count, by: 3) {
            let b = Array(bytes[chunk..<min(chunk + 3, bytes.count)]) + [0, 0]
            let n = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
            let count = min(3, bytes.count - chunk)
            for k in 0..<4 { out.append(k <= count ? table[Int(n >> (18 - 6 * UInt32(k)) & 63)] : "=") }
        }
        return out
    }

    func testDecimalThatIsNotBase64IsShownAsItIs() {
        XCTAssertEqual(decimal("12.50"), "12.50")
        XCTAssertEqual(decimal("AeI6A"), "AeI6A")
        XCTAssertEqual(decimal("AeI6", scale: "100000000"), "AeI6")
        XCTAssertEqual(decimal(Value.unavailablePlaceholder), Value.unavailablePlaceholder)
        let doubleMode = type("org.apache.kafka.connect.data.Decimal")
        XCTAssertEqual(ValueFormatter.format(.double(12.5), as: doubleMode), "12.5")
    }

    func testURLSafeBase64AndMissingPadding() {
        XCTAssertEqual(decimal("_h3G"), "-1234.50")
        XCTAssertEqual(decimal("BQ", scale: "0"), "5")
    }

    func testVariableScaleDecimal() {
        let vsd = type("io.debezium.data.VariableScaleDecimal", kind: "struct")
        XCTAssertEqual(ValueFormatter.format(.json(#"{"scale":2,"value":"AeI6"}"#), as: vsd), "1234.50")
        XCTAssertEqual(ValueFormatter.format(.json(#"{"value":"/h3G","scale":0}"#), as: vsd), "-123450")
        XCTAssertEqual(ValueFormatter.format(.json(#"{"scale": 3, "value": "BQ=="}"#), as: vsd), "0.005")
        XCTAssertEqual(ValueFormatter.format(.json(#"{"value":"AeI6"}"#), as: vsd), #"{"value":"AeI6"}"#)
    }

    func testEverythingElseIsItsDescription() {
        XCTAssertEqual(ValueFormatter.format(.int(42), as: .unknown), "42")
        XCTAssertEqual(ValueFormatter.format(.double(2.5), as: type(nil, kind: "double")), "2.5")
        XCTAssertEqual(ValueFormatter.format(.string("x"), as: type("io.debezium.data.Json")), "x")
        XCTAssertEqual(ValueFormatter.format(.null, as: type("io.debezium.time.Date")), "")
        XCTAssertEqual(ValueFormatter.format(.bool(true), as: type(nil, kind: "boolean")), "true")
        XCTAssertEqual(ValueFormatter.format(.int(2026), as: type("io.debezium.time.Year")), "2026")
    }

    func testIsNumeric() {
        XCTAssertTrue(ValueFormatter.isNumeric(.unknown, .int(1)))
        XCTAssertTrue(ValueFormatter.isNumeric(type(nil, kind: "double"), .double(1.5)))
        XCTAssertTrue(ValueFormatter.isNumeric(type("org.apache.kafka.connect.data.Decimal"), .string("AeI6")))
        XCTAssertTrue(ValueFormatter.isNumeric(type("io.debezium.data.VariableScaleDecimal"), .json("{}")))
        XCTAssertTrue(ValueFormatter.isNumeric(type("io.debezium.data.Bits"), .int(3)))
        XCTAssertFalse(ValueFormatter.isNumeric(type("io.debezium.time.Date"), .int(20513)))
        XCTAssertFalse(ValueFormatter.isNumeric(type("io.debezium.time.MicroTimestamp"), .int(1)))
        XCTAssertFalse(ValueFormatter.isNumeric(type("org.apache.kafka.connect.data.Timestamp"), .int(1)))
        XCTAssertFalse(ValueFormatter.isNumeric(type("org.apache.kafka.connect.data.Decimal"), .string(Value.unavailablePlaceholder)))
        XCTAssertFalse(ValueFormatter.isNumeric(.unknown, .string("12")))
        XCTAssertFalse(ValueFormatter.isNumeric(.unknown, .null))
        XCTAssertFalse(ValueFormatter.isNumeric(.unknown, .bool(true)))
    }
}
