import Foundation
@testable import MSRCapture
import MSRModel
import XCTest

/// The fast path (bytes straight to a change) must give what the general path (JSON tree,
/// envelope) gives for every line it takes, and leave every other line to it.
final class DebeziumFastPathTests: XCTestCase {
    private func fast(_ line: String) -> DebeziumLine? {
        var text = line
        return text.withUTF8 { DebeziumFastPath.decode($0, number: 7) }
    }

    private func general(_ line: String) -> Result<DebeziumLine, DebeziumLineError> {
        do {
            let json = try JSONParser.parse(line)
            return .success(try DebeziumDecoder().decode(json: json, number: 7))
        } catch let e as DebeziumLineError {
            return .failure(e)
        } catch {
            return .failure(DebeziumLineError(line: 7, problem: .missingOp))
        }
    }

    private func assertSame(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        guard let f = fast(line) else { return XCTFail("fast path declined: \(line)", file: file, line: lineNumber) }
        guard case .success(let g) = general(line) else { return XCTFail("general path refused: \(line)", file: file, line: lineNumber) }
        switch (f, g) {
        case (.skipped(let a), .skipped(let b)):
            XCTAssertEqual(a, b, file: file, line: lineNumber)
        case (.change(let a, let ta), .change(let b, let tb)):
            XCTAssertEqual(ta, tb, file: file, line: lineNumber)
            XCTAssertEqual(a.table, b.table, file: file, line: lineNumber)
            XCTAssertEqual(a.op, b.op, file: file, line: lineNumber)
            XCTAssertEqual(a.commitTime, b.commitTime, file: file, line: lineNumber)
            XCTAssertEqual(a.position, b.position, file: file, line: lineNumber)
            XCTAssertEqual(a.keyFields, b.keyFields, file: file, line: lineNumber)
            XCTAssertEqual(a.before, b.before, file: file, line: lineNumber)
            XCTAssertEqual(a.after, b.after, file: file, line: lineNumber)
            XCTAssertEqual(a.columns, b.columns, file: file, line: lineNumber)
            XCTAssertEqual(a.origin, b.origin, file: file, line: lineNumber)
        default:
            XCTFail("fast \(f) but general \(g): \(line)", file: file, line: lineNumber)
        }
    }

    func testLinesTheFastPathTakesDecodeAsTheGeneralPathDoes() {
        let event = sampleEvent(after: #"{"id":1,"name":"Ada \u00e9\n","pos":[1,{"a":null}],"n":-2.5e3,"ok":true,"x":null}"#)
        assertSame(event)
        assertSame("  " + event + " ")
        assertSame(sampleEvent(op: "u", before: #"{"id":1,"name":"A"}"#))
        assertSame(sampleEvent(op: "d", before: #"{"id":1}"#, after: "null"))
        assertSame(sampleEvent(op: "r", source: ["ts_us": nil]))
        assertSame(sampleEvent(op: "c", source: ["ts_us": nil, "ts_ms": nil], extra: #","ts_us":99"#))
        assertSame(sampleEvent(source: ["ts_us": "null", "ts_ns": "1772360100250123999"]))
        assertSame(sampleEvent(source: ["ts_us": nil, "ts_ms": nil]))
        assertSame(sampleEvent(source: ["lsn": "null", "pos": "77"]))
        assertSame(sampleEvent(source: ["schema": "null"]))
        assertSame(sampleEvent(op: "t", after: "null"))
        assertSame(#"{"key":{"id":1},"value":"# + sampleEvent() + "}")
        assertSame(#"{"key":null,"value":"# + sampleEvent(source: ["lsn": nil]) + #","offset":42,"partition":0}"#)
        assertSame(#"{"key":{"id":1},"value":"# + sampleEvent(op: "d", before: "null", after: "null") + "}")
        assertSame(#"{"key":{"id":9},"value":null}"#)
    }

    /// Every connector's position, the database as schema, a source time of 0 and the
    /// placeholder's forms: the fast path gives what the general path gives, digest included.
    func testConnectorLinesDecodeAsTheGeneralPathDoes() {
        typealias L = ConnectorLine
        let t0 = L.t0
        assertSame(L.mysql(op: "u", before: #"{"id":1}"#, after: #"{"id":1,"e":"x"}"#, tsMs: t0, file: "mysql-bin.000004", pos: 154, row: 2))
        assertSame(L.mysql(op: "r", after: #"{"id":1}"#, tsMs: 0, file: "mysql-bin.000003", pos: 154, snapshot: "true"))
        assertSame(L.oracle(op: "c", after: #"{"ID":1}"#, tsMs: t0, scn: "2122185", commitSCN: "2122190"))
        assertSame(L.db2(op: "c", after: #"{"ID":1}"#, tsMs: t0, commitLSN: "00000000:0000150f:0000000000048fca",
                         changeLSN: "00000000:0000150f:0000000000048fc0"))
        assertSame(L.postgres(op: "c", after: #"{"id":1,"t":["__debezium_unavailable_value"],"b":"X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ=="}"#,
                              tsMs: t0, lsn: 100, lastCommit: 90))
        assertSame(L.postgres(op: "r", after: #"{"id":1}"#, tsMs: t0, lsn: 100, lastCommit: nil))
        // Non-finite floats: bare tokens (quoting off), quoted strings without a schema, -0.
        assertSame(L.postgres(op: "c", after: #"{"id":1,"f":NaN,"g":-Infinity,"h":Infinity,"z":-0,"y":-0.0,"s":"NaN","a":[NaN,-0]}"#,
                              tsMs: t0, lsn: 101, lastCommit: 90))
        assertSame(#"{"key":{"f":-Infinity},"value":"# + L.postgres(op: "d", before: #"{"f":-Infinity,"s":"Infinity"}"#,
                                                                  tsMs: t0, lsn: 102, lastCommit: 90) + "}")
        // SQL Server writes event_serial_no as digits in a string, which the general path reads.
        XCTAssertNil(fast(L.sqlServer(op: "c", after: #"{"id":1}"#, tsMs: t0, commitLSN: "00000027:00000758:0005",
                                      changeLSN: "00000027:00000758:0002", serial: 1)))
    }

    func testEverythingElseIsLeftToTheGeneralPath() {
        let declined = [
            "{\"schema\":{},\"payload\":" + sampleEvent() + "}",
            "{\"key\":{\"schema\":{},\"payload\":{\"id\":1}},\"value\":" + sampleEvent() + "}",
            "{\"key\":{\"id\":1},\"value\":" + JSONText.quote(sampleEvent()) + "}",
            sampleEvent(op: "m"),
            sampleEvent(op: "x"),
            sampleEvent(source: ["lsn": #""24023192""#]),
            sampleEvent(source: ["table": #""""#]),
            sampleEvent(after: "null"),
            sampleEvent(extra: #","op":"u""#),
            sampleEvent(after: #""oops""#),
            #"{"status":"BEGIN","id":"571"}"#,
            "[1,2]",
            sampleEvent() + "x",
            String(sampleEvent().dropLast()),
        ]
        for line in declined { XCTAssertNil(fast(line), line) }
    }
}
