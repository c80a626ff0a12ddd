import MSRModel
import MSRTestSupport
import XCTest

/// Doubles are told apart by their bits (NaN, -0), sort in one total order with integers, keep
/// every bit pattern through the binary coding, and print as PostgreSQL spells them.
final class DoubleIdentityTests: XCTestCase {
    private let quietNaN = Double(bitPattern: 0x7FF8_0000_0000_0000)
    private let payloadNaN = Double(bitPattern: 0x7FF8_0000_0000_0001)
    private let negativeNaN = Double(bitPattern: 0xFFF8_0000_0000_0000)
    private let signallingNaN = Double(bitPattern: 0x7FF0_0000_0000_0001)

    func testEqualityIsByBitPattern() {
        XCTAssertEqual(Value.double(.nan), Value.double(.nan))
        XCTAssertEqual(Value.double(quietNaN), Value.double(quietNaN))
        XCTAssertNotEqual(Value.double(quietNaN), Value.double(payloadNaN))
        XCTAssertNotEqual(Value.double(-0.0), Value.double(0.0))
        XCTAssertNotEqual(Value.int(1), Value.double(1))
        XCTAssertEqual(Set([Value.double(.nan), .double(.nan), .double(-0.0), .double(0.0)]).count, 3)
        XCTAssertFalse(Row([.double(0.0)]).sameCells(as: Row([.double(-0.0)])))
        XCTAssertTrue(Row([.double(.nan)]).sameCells(as: Row([.double(.nan)])))
        XCTAssertEqual(RowKey([.double(.nan)]), RowKey([.double(.nan)]))
    }

    func testOrderIsTotalAndAgreesWithEquality() {
        let values: [Value] = [
            .double(.infinity), .double(-.infinity), .double(quietNaN), .double(payloadNaN), .double(negativeNaN),
            .double(signallingNaN), .double(-0.0), .double(0.0), .int(0), .int(-1), .double(-0.5), .double(0.5),
            .int(1), .double(1), .int(.max), .int(.min), .double(9_223_372_036_854_775_808.0), .double(-9_223_372_036_854_775_808.0),
            .int(9_007_199_254_740_993), .double(9_007_199_254_740_992), .double(9_007_199_254_740_994),
            .double(.leastNonzeroMagnitude), .double(-.leastNonzeroMagnitude), .double(.greatestFiniteMagnitude),
            .null, .bool(false), .string("1"),
        ]
        for a in values {
            XCTAssertFalse(a < a, "\(a) < itself")
            for b in values {
                let less = a < b, greater = b < a
                XCTAssertEqual(a == b, !less && !greater, "\(a) vs \(b)")
                XCTAssertFalse(less && greater, "\(a) vs \(b)")
                XCTAssertEqual(Value.order(a, b), less ? -1 : (greater ? 1 : 0), "\(a) vs \(b)")
                for c in values where less && b < c {
                    XCTAssertTrue(a < c, "\(a) < \(b) < \(c)")
                }
            }
        }
        let sorted = values.shuffled().sorted()
        let numbers = sorted.filter { if case .int = $0 { return true }; if case .double = $0 { return true }; return false }
        XCTAssertEqual(Array(numbers.prefix(3)), [.double(-.infinity), .int(.min), .double(-9_223_372_036_854_775_808.0)])
        XCTAssertEqual(Array(numbers.suffix(5)).map(\.description), ["Infinity", "NaN", "NaN", "NaN", "NaN"])
        let zeros = sorted.filter { $0 == .int(0) || $0 == .double(0) || $0 == .double(-0.0) }
        XCTAssertEqual(zeros, [.int(0), .double(-0.0), .double(0.0)])
        // Exact comparison beyond 2^53, where converting the integer to a double would round.
        XCTAssertTrue(Value.double(9_007_199_254_740_992) < .int(9_007_199_254_740_993))
        XCTAssertTrue(Value.int(9_007_199_254_740_993) < .double(9_007_199_254_740_994))
        XCTAssertTrue(Value.int(.max) < .double(9_223_372_036_854_775_808.0))
        XCTAssertTrue(Value.double(-9_223_372_036_854_775_808.0) < .int(.min + 1))
        XCTAssertTrue(Value.int(.min) < .double(-9_223_372_036_854_775_808.0))
    }

    func testBinaryCodingKeepsEveryBitPattern() throws {
        var patterns: [UInt64] = [0, 1 << 63, 0x7FF0_0000_0000_0000, 0xFFF0_0000_0000_0000, quietNaN.bitPattern,
                                  payloadNaN.bitPattern, negativeNaN.bitPattern, signallingNaN.bitPattern,
                                  0x000F_FFFF_FFFF_FFFF, 0x7FEF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF]
        var rng = SeededRandom(seed: 9)
        for _ in 0..<2000 { patterns.append(UInt64.random(in: .min ... .max, using: &rng)) }
        for bits in patterns {
            let row = Row([.double(Double(bitPattern: bits))])
            let decoded = try Row(decoding: row.encoded)
            guard case .double(let d) = decoded[0] else { return XCTFail("not a double") }
            XCTAssertEqual(d.bitPattern, bits)
            XCTAssertEqual(try RowKey(decoding: RowKey(row.values).encoded), RowKey(row.values))
        }
    }

    func testSpecialValuesAreSpelledAsPostgreSQLDoes() {
        XCTAssertEqual(Value.double(.nan).description, "NaN")
        XCTAssertEqual(Value.double(.infinity).description, "Infinity")
        XCTAssertEqual(Value.double(-.infinity).description, "-Infinity")
        XCTAssertEqual(Value.double(-0.0).description, "-0.0")
        XCTAssertEqual(Value.double(0.0).description, "0.0")
        XCTAssertEqual(Value.double(-2.5).description, "-2.5")
        XCTAssertEqual(RowExport.csvField(.double(.nan)), "NaN")
        XCTAssertEqual(JSONText.value(.double(.nan)), "\"NaN\"")
        XCTAssertEqual(JSONText.value(.double(.infinity)), "\"Infinity\"")
        XCTAssertEqual(JSONText.value(.double(-.infinity)), "\"-Infinity\"")
        XCTAssertEqual(JSONText.value(.double(-0.0)), "-0.0")
        XCTAssertEqual(JSONText.value(.null), "null")
        XCTAssertEqual(ValueFormatter.format(.double(-.infinity), as: ColumnType(kind: "float8")), "-Infinity")
    }
}
