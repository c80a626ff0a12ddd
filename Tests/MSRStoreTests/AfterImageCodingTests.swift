@testable import MSRStore
import MSRModel
import XCTest

/// After-images stored as deltas against the before-image read back as the full row.
final class AfterImageCodingTests: XCTestCase {
    func testRoundTripsInFullAndAsDelta() throws {
        let before = Row([.int(1), .string("BLUE-1"), .double(57.1), .double(9.6), .int(90), .string("moving")])
        let cases: [(Row, Row?)] = [
            (Row([.int(1), .string("BLUE-1"), .double(57.2), .double(9.6), .int(90), .string("moving")]), before),
            (Row([.int(1), .string("BLUE-1"), .double(57.1), .double(9.6), .int(90), .string("moving"), .bool(true)]), before),
            (Row([.int(1), .string("BLUE-1"), .double(57.1)]), before),
            (Row([.int(2), .string("RED"), .null, .null, .int(0), .string("x")]), before),
            (before, nil),
        ]
        for (after, b) in cases {
            let bytes = AfterImageCoding.encode(after: after, before: b)
            XCTAssertEqual(try AfterImageCoding.decode(bytes, before: b), after)
        }
        let delta = AfterImageCoding.encode(after: cases[0].0, before: before)
        XCTAssertLessThan(delta.count, cases[0].0.encoded.count / 2, "a one-cell update is stored small")
    }

    func testDamagedDeltaThrows() {
        let before = Row([.int(1), .string("a"), .string("b"), .string("c")])
        let bytes = AfterImageCoding.encode(after: Row([.int(1), .string("a"), .string("b"), .string("d")]), before: before)
        XCTAssertThrowsError(try AfterImageCoding.decode(bytes, before: nil))
        for cut in 1..<bytes.count { XCTAssertThrowsError(try AfterImageCoding.decode(Array(bytes[..<cut]), before: before)) }
        XCTAssertThrowsError(try AfterImageCoding.decode([1, 4, 1, 9, 0], before: before), "a column past the row")
    }
}
