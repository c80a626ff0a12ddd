import XCTest
import MSRModel
@testable import MSRCapture

/// Lines the decoder refuses, and the reasons it gives.
final class DebeziumBadLineTests: XCTestCase {
    let decoder = DebeziumDecoder()

    private func problem(_ line: String, file: StaticString = #filePath, line l: UInt = #line) -> DebeziumLineError.Problem? {
        do {
            let decoded = try decoder.decode(line: line, number: 9)
            XCTFail("expected an error, got \(decoded)", file: file, line: l)
            return nil
        } catch {
            XCTAssertEqual(error.line, 9, file: file, line: l)
            return error.problem
        }
    }

    private func change(_ line: String) throws -> SourceChange? {
        try decoder.decode(line: line, number: 1).change
    }

    func testDeleteNeedsBeforeOrKey() throws {
        let keyOnly = try XCTUnwrap(change(#"{"key":{"id":5},"value":\#(sampleEvent(op: "d", after: "null"))}"#))
        XCTAssertEqual(keyOnly.keyFields, [Field("id", .int(5))])
        XCTAssertNil(keyOnly.before)
        XCTAssertEqual(problem(sampleEvent(op: "d", after: "null")), .deleteWithoutKey)
        XCTAssertEqual(problem(#"{"key":null,"value":\#(sampleEvent(op: "d", after: "null"))}"#), .deleteWithoutKey)
    }

    func testBadLinesNameTheirProblem() {
        let cases: [(String, DebeziumLineError.Problem)] = [
            ("[1,2]", .notAnObject(found: "an array")),
            (#""text""#, .notAnObject(found: "a string")),
            (#"{"before":null,"after":{"id":1},"source":{}}"#, .unreadableShape(DebeziumShapes.advice)),
            (#"{"schema":{},"payload":{"after":{}}}"#, .unreadableShape(DebeziumShapes.advice)),
            (#"{"key":{"id":1},"value":{"after":{}}}"#, .unreadableShape(DebeziumShapes.advice)),
            (sampleEvent(op: "x"), .unknownOp("x")),
            (sampleEvent(op: "cc"), .unknownOp("cc")),
            (#"{"op":1}"#, .wrongShape(field: "op", expected: "a one-letter string", found: "a number")),
            (#"{"op":"c","after":{"id":1},"ts_ms":1}"#, .missingSource),
            (#"{"op":"c","after":{"id":1},"source":null}"#, .missingSource),
            (#"{"op":"c","after":{"id":1},"source":"pg"}"#, .wrongShape(field: "source", expected: "an object", found: "a string")),
            (sampleEvent(source: ["table": nil]), .missingTable),
            (sampleEvent(source: ["table": #""""#]), .wrongShape(field: "source.table", expected: "a non-empty string", found: "an empty string")),
            (sampleEvent(source: ["table": "5"]), .wrongShape(field: "source.table", expected: "a non-empty string", found: "a number")),
            (sampleEvent(source: ["schema": "5"]), .wrongShape(field: "source.schema", expected: "a string", found: "a number")),
            (sampleEvent(before: #""old""#), .wrongShape(field: "before", expected: "an object or null", found: "a string")),
            (sampleEvent(after: "[1]"), .wrongShape(field: "after", expected: "an object or null", found: "an array")),
            (sampleEvent(op: "c", after: "null"), .missingAfter(.insert)),
            (sampleEvent(op: "r", after: "null"), .missingAfter(.read)),
            (sampleEvent(op: "u", before: #"{"id":1}"#, after: "null"), .missingAfter(.update)),
            (sampleEvent(source: ["ts_us": nil, "ts_ms": #""soon""#]), .wrongShape(field: "source.ts_ms", expected: "an integer", found: "a string")),
            (sampleEvent(source: ["ts_us": "1.5"]), .wrongShape(field: "source.ts_us", expected: "an integer", found: "a number")),
            (#"{"op":"c","after":{"id":1},"source":{"table":"t"}}"#, .missingCommitTime),
            (sampleEvent(source: ["lsn": "true"]), .wrongShape(field: "source.lsn", expected: "an integer", found: "a boolean")),
            (#"{"key":1,"value":\#(sampleEvent())}"#, .wrongShape(field: "key", expected: "an object or null", found: "a number")),
            (#"{"key":{"schema":{},"payload":"x"},"value":\#(sampleEvent())}"#, .wrongShape(field: "key.payload", expected: "an object or null", found: "a string")),
            (#"{"key":null,"value":5}"#, .wrongShape(field: "value", expected: "an object or null", found: "a number")),
            (#"{"schema":{},"payload":[]}"#, .wrongShape(field: "payload", expected: "an object or null", found: "an array")),
            (#"{"key":null,"value":{"payload":true}}"#, .wrongShape(field: "value.payload", expected: "an object or null", found: "a boolean")),
            (#"{"key":null,"value":\#(sampleEvent()),"offset":"x"}"#, .wrongShape(field: "offset", expected: "an integer", found: "a string")),
            (#"{"a":1}"#, .unreadableShape(DebeziumShapes.advice)),
            (#"{"status":"COMMIT","id":"1"}"#, .unreadableShape(DebeziumShapes.advice)),
            (#"{"status":"BEGIN"}"#, .unreadableShape(DebeziumShapes.advice)),
        ]
        for (line, expected) in cases {
            XCTAssertEqual(problem(line), expected, line)
        }
    }

    func testNotJSONCarriesTheParserReason() {
        XCTAssertEqual(problem(#"{"op":"c",}"#), .notJSON(field: nil, JSONParseError(.unexpectedCharacter(UInt8(ascii: "}")), at: 10)))
        XCTAssertEqual(problem("\u{FEFF}{x"), .notJSON(field: nil, JSONParseError(.unexpectedCharacter(UInt8(ascii: "x")), at: 4)))
        XCTAssertEqual(problem(#"{"key":null,"value":"Struct{id=1,name=Ada}"}"#),
                       .unreadableShape("value is not JSON (unexpected character 'S' at byte 0); msr reads the JSON converter's output: "
                                        + "set value.converter=org.apache.kafka.connect.json.JsonConverter"))
    }

    func testErrorDescriptionsAreOneShortSentence() {
        XCTAssertEqual(DebeziumLineError(line: 7, problem: .missingSource).description, "line 7: no source block")
        XCTAssertEqual(DebeziumLineError(line: 3, problem: .notJSON(field: nil, JSONParseError(.unexpectedCharacter(120), at: 17))).description,
                       "line 3: not JSON: unexpected character 'x' at byte 17")
        XCTAssertEqual(DebeziumLineError.Problem.wrongShape(field: "before", expected: "an object or null", found: "a string").description,
                       "before is a string, expected an object or null")
        XCTAssertEqual(DebeziumLineError.Problem.missingAfter(.update).description, "update (op u) without an after image")
        XCTAssertEqual(DebeziumLineError.Problem.unknownOp("x").description, "unknown op 'x'; expected c, u, d, r, t or m")
        XCTAssertEqual(DebeziumLineError(line: 1, problem: .deleteWithoutKey).reason, "delete without a before image or a message key")
    }
}
