import MSRModel
import XCTest
@testable import MSRCapture

/// Non-finite doubles are written as the JSON converter writes them, never as `null` (which
/// reads back as a missing value), and -0 keeps its sign.
final class JSONWriterTests: XCTestCase {
    func testNonFiniteDoublesAreWrittenAsTheirStrings() {
        XCTAssertEqual(JSONWriter.compactText(.double(.nan)), #""NaN""#)
        XCTAssertEqual(JSONWriter.compactText(.double(.infinity)), #""Infinity""#)
        XCTAssertEqual(JSONWriter.compactText(.double(-.infinity)), #""-Infinity""#)
        XCTAssertEqual(JSONWriter.compactText(.double(-0.0)), "-0.0")
        XCTAssertEqual(JSONWriter.compactText(.array([.double(.nan), .null, .double(-0.0)])), #"["NaN",null,-0.0]"#)
    }

    func testCellsAreWrittenAsADebeziumLineHoldsThem() {
        func text(_ v: Value) -> String {
            var out: [UInt8] = []
            JSONWriter.writeCell(v, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(text(.double(.nan)), #""NaN""#)
        XCTAssertEqual(text(.double(-.infinity)), #""-Infinity""#)
        XCTAssertEqual(text(.double(-0.0)), "-0.0")
        XCTAssertEqual(text(.double(2.5)), "2.5")
        XCTAssertEqual(text(.null), "null")
        XCTAssertEqual(text(.int(-3)), "-3")
        XCTAssertEqual(text(.string("a\"b")), #""a\"b""#)
        XCTAssertEqual(text(.json(#"[1,{"a":null}]"#)), #"[1,{"a":null}]"#)
    }

    /// A row written with `writeCell` under a float64 schema reads back as the same doubles.
    func testWrittenNonFiniteCellsReadBackUnderAFloatSchema() throws {
        let cells: [Value] = [.double(.nan), .double(.infinity), .double(-.infinity), .double(-0.0)]
        var after: [UInt8] = Array("{".utf8)
        for (i, v) in cells.enumerated() {
            if i > 0 { after.append(UInt8(ascii: ",")) }
            after += Array("\"c\(i)\":".utf8)
            JSONWriter.writeCell(v, into: &after)
        }
        after.append(UInt8(ascii: "}"))
        let fields = cells.indices.map { #"{"type":"double","field":"c\#($0)"}"# }.joined(separator: ",")
        let schema = #"{"type":"struct","fields":[{"type":"struct","fields":[\#(fields)],"field":"after"}]}"#
        let line = #"{"schema":\#(schema),"payload":\#(sampleEvent(after: String(decoding: after, as: UTF8.self)))}"#
        guard case .change(let c, _) = try DebeziumDecoder().decode(line: line, number: 1) else { return XCTFail("no change") }
        XCTAssertEqual(c.after?.map(\.value), cells)
    }
}
