import MSRModel
import XCTest

/// Rows and keys survive encoding, and damaged bytes are reported, never trusted.
final class BinaryCodingTests: XCTestCase {
    func testRoundTrip() throws {
        let row = Row([.null, .bool(true), .bool(false), .int(0), .int(-1), .int(.max), .int(.min),
                       .double(-0.5), .double(1e300), .double(-0.0), .double(.nan), .double(-.infinity), .string(""), .string("héllo 世界 🚀"), .json("{\"a\":[1,2]}")])
        XCTAssertEqual(try Row(decoding: row.encoded), row)
        let key = RowKey([.string("n"), .int(42)])
        XCTAssertEqual(try RowKey(decoding: key.encoded), key)
    }

    func testDamagedBytesThrow() {
        let bytes = Row([.string("abcdef"), .int(7)]).encoded
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try Row(decoding: Array(bytes[..<cut])))
        }
        XCTAssertThrowsError(try Row(decoding: [1, 99]))
        XCTAssertThrowsError(try Row(decoding: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))
    }

    func testValueOrderIsTotal() {
        let values: [Value] = [.json("[]"), .string("b"), .string("a"), .double(1.5), .int(1), .double(1), .bool(true), .bool(false), .null]
        let sorted = values.sorted()
        XCTAssertEqual(sorted, [.null, .bool(false), .bool(true), .int(1), .double(1), .double(1.5), .string("a"), .string("b"), .json("[]")])
    }
}
