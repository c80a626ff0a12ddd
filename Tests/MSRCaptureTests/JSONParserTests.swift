import XCTest
@testable import MSRCapture

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
        do {
            let v = try JSONParser.parse(Array(text.utf8))
            XCTFail("expected an error, parsed \(v)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testScalars() throws {
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse("false"), .bool(false))
        XCTAssertEqual(try parse("42"), .int(42))
        XCTAssertEqual(try parse("-42"), .int(-42))
        XCTAssertEqual(try parse("0"), .int(0))
        XCTAssertEqual(try parse("1.5"), .double(1.5))
        XCTAssertEqual(try parse("\"hi\""), .string("hi"))
        XCTAssertEqual(try parse("\"\""), .string(""))
    }

    /// `-0` is a negative zero double: JSON has no integer -0, and a converter writes one only
    /// for a float.
    func testMinusZeroKeepsItsSign() throws {
        for text in ["-0", "-0.0", "-0e0", "-0.000"] {
            guard case .double(let d) = try parse(text) else { XCTFail("\(text) is not a double"); continue }
            XCTAssertEqual(d.bitPattern, (-0.0).bitPattern, text)
        }
        XCTAssertEqual(try parse("0"), .int(0))
    }

    /// Jackson with number quoting off writes non-finite doubles as bare tokens; they are read
    /// where a value may start, in objects and arrays too.
    func testBareNonFiniteTokensAreDoubles() throws {
        func double(_ v: JSONValue?) -> Double? { if case .double(let d) = v { return d }; return nil }
        XCTAssertEqual(double(try parse("NaN"))?.isNaN, true)
        XCTAssertEqual(double(try parse(" Infinity ")), .infinity)
        XCTAssertEqual(double(try parse("-Infinity")), -.infinity)
        guard case .object(let o) = try parse(#"{"a":NaN,"b":[Infinity,-Infinity,1]}"#) else { return XCTFail("not an object") }
        XCTAssertEqual(double(o["a"])?.isNaN, true)
        guard case .array(let b) = o["b"] else { return XCTFail("not an array") }
        XCTAssertEqual(b.count, 3)
        XCTAssertEqual(double(b[0]), .infinity)
        XCTAssertEqual(double(b[1]), -.infinity)
        XCTAssertEqual(b[2], .int(1))
    }

    func testWhitespaceAroundAndInside() throws {
        let v = try parse(" \t\r\n{ \"a\" :\n[ 1 , 2 ] ,\t\"b\" : { } , \"c\":[ ] }\r\n ")
        XCTAssertEqual(v, .object(JSONObject([
            JSONMember("a", .array([.int(1), .int(2)])),
            JSONMember("b", .object(JSONObject())),
            JSONMember("c", .array([])),
        ])))
    }

    func testObjectKeepsMemberOrderAndFirstDuplicateWins() throws {
        let v = try parse(#"{"z":1,"a":2,"m":3,"a":4}"#)
        XCTAssertEqual(v.objectValue?.members.map(\.key), ["z", "a", "m", "a"])
        XCTAssertEqual(v["a"], .int(2))
        XCTAssertNil(v["missing"])
        XCTAssertTrue(v.objectValue?.contains("m") ?? false)
    }

    func testIntegerLimitsAndOverflowToDouble() throws {
        XCTAssertEqual(try parse("9223372036854775807"), .int(Int64.max))
        XCTAssertEqual(try parse("-9223372036854775808"), .int(Int64.min))
        XCTAssertEqual(try parse("9223372036854775808"), .double(9_223_372_036_854_775_808.0))
        XCTAssertEqual(try parse("-9223372036854775809"), .double(-9_223_372_036_854_775_809.0))
        XCTAssertEqual(try parse("18446744073709551616123"), .double(18_446_744_073_709_551_616_123.0))
        XCTAssertEqual(try parse("1234567890123456789"), .int(1_234_567_890_123_456_789))
    }

    func testFractionsAndExponents() throws {
        let cases: [(String, Double)] = [
            ("0.1", 0.1), ("-1.5E-3", -0.0015), ("1e3", 1000), ("1E+2", 100), ("2.5e-2", 0.025),
            ("52.3702", 52.3702), ("4.8952", 4.8952), ("123456789.123456789", 123_456_789.123_456_789),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("5e-324", Double.leastNonzeroMagnitude),
            ("0.30000000000000004", 0.30000000000000004), ("1e22", 1e22), ("1e23", 1e23),
            ("9007199254740993.0", 9_007_199_254_740_993.0), ("0.000000000000000000000000001", 1e-27),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try parse(text), .double(expected), text)
        }
        guard case .double(let negativeZero) = try parse("-0.0") else { return XCTFail("not a double") }
        XCTAssertEqual(negativeZero.sign, .minus)
    }

    func testEscapes() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#), .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
        XCTAssertEqual(try parse(#""caf\u00e9 \u00E9""#), .string("café é"))
        XCTAssertEqual(try parse(#""\u20ac""#), .string("€"))
        XCTAssertEqual(try parse(#""\ud83d\ude00!""#), .string("😀!"))
        XCTAssertEqual(try parse(#""\u0000""#), .string("\u{0}"))
    }

    func testLoneSurrogatesBecomeReplacementCharacters() throws {
        XCTAssertEqual(try parse(#""a\ud83db""#), .string("a\u{FFFD}b"))
        XCTAssertEqual(try parse(#""\ude00""#), .string("\u{FFFD}"))
        XCTAssertEqual(try parse(#""\ud83d\u0041""#), .string("\u{FFFD}A"))
    }

    func testRawUTF8AndLongStringsAroundWordBoundaries() throws {
        XCTAssertEqual(try parse("\"Zürich → 東京 😀\""), .string("Zürich → 東京 😀"))
        for n in 0..<20 {
            let body = String(repeating: "x", count: n)
            XCTAssertEqual(try parse("\"\(body)\""), .string(body))
            XCTAssertEqual(try parse("\"\(body)\\n\(body)\""), .string(body + "\n" + body))
            XCTAssertEqual(try parse("[\"\(body)\",\"\(body)é\"]"), .array([.string(body), .string(body + "é")]))
        }
    }

    func testNestingAndDepthLimit() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertNoThrow(try parse(deep))
        let tooDeep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        XCTAssertEqual(parseError(tooDeep)?.problem, .tooDeep)
    }

    func testMalformedInputIsRejectedWithReason() {
        let cases: [(String, JSONParseError.Problem, Int)] = [
            ("", .unexpectedEnd, 0),
            ("   ", .unexpectedEnd, 3),
            ("{", .unexpectedEnd, 1),
            ("[1,]", .unexpectedCharacter(UInt8(ascii: "]")), 3),
            (#"{"a":1,}"#, .unexpectedCharacter(UInt8(ascii: "}")), 7),
            (#"{"a" 1}"#, .unexpectedCharacter(UInt8(ascii: "1")), 5),
            ("{a:1}", .unexpectedCharacter(UInt8(ascii: "a")), 1),
            ("[1 2]", .unexpectedCharacter(UInt8(ascii: "2")), 3),
            ("01", .invalidNumber, 1),
            ("1.", .unexpectedEnd, 2),
            ("1.e5", .invalidNumber, 2),
            ("-", .unexpectedEnd, 1),
            ("-x", .invalidNumber, 1),
            ("1e", .unexpectedEnd, 2),
            ("1e+", .unexpectedEnd, 3),
            ("+1", .unexpectedCharacter(UInt8(ascii: "+")), 0),
            ("tru", .unexpectedEnd, 3),
            ("nul!", .unexpectedCharacter(UInt8(ascii: "!")), 3),
            ("nan", .unexpectedCharacter(UInt8(ascii: "a")), 1),
            ("Nan", .unexpectedCharacter(UInt8(ascii: "n")), 2),
            ("NaN1", .trailingCharacters, 3),
            ("Inf", .unexpectedEnd, 3),
            ("-Inf", .unexpectedEnd, 4),
            ("-Infinite", .unexpectedCharacter(UInt8(ascii: "e")), 8),
            ("+Infinity", .unexpectedCharacter(UInt8(ascii: "+")), 0),
            ("INF", .unexpectedCharacter(UInt8(ascii: "N")), 1),
            (#"{NaN:1}"#, .unexpectedCharacter(UInt8(ascii: "N")), 1),
            ("[1,]", .unexpectedCharacter(UInt8(ascii: "]")), 3),
            ("'a'", .unexpectedCharacter(UInt8(ascii: "'")), 0),
            ("\"abc", .unexpectedEnd, 4),
            (#""a\x""#, .invalidEscape, 2),
            (#""\u12G4""#, .invalidUnicodeEscape, 5),
            (#""\u12"#, .unexpectedEnd, 5),
            ("\"a\tb\"", .controlCharacterInString, 2),
            ("\"a\\n\nb\"", .controlCharacterInString, 4),
            ("{} x", .trailingCharacters, 3),
            ("{}}", .trailingCharacters, 2),
            ("1 2", .trailingCharacters, 2),
        ]
        for (text, problem, offset) in cases {
            let error = parseError(text)
            XCTAssertEqual(error?.problem, problem, text)
            XCTAssertEqual(error?.offset, offset, text)
        }
    }

    func testErrorDescriptions() {
        XCTAssertEqual(parseError(#"{"id": x}"#)?.description, "unexpected character 'x' at byte 7")
        XCTAssertEqual(parseError("{\"id\": \u{1}}")?.description, "unexpected character 0x01 at byte 7")
        XCTAssertEqual(parseError("[1")?.description, "unexpected end of text at byte 2")
        XCTAssertEqual(parseError("{} {}")?.description, "unexpected text after the value at byte 3")
    }

    func testParsesStringsSlicesAndNonContiguousCollections() throws {
        let text = #"{"a":[1,"b"]}"#
        let expected = try parse(text)
        XCTAssertEqual(try JSONParser.parse(text), expected)
        let padded = Array(("xx" + text + "yy").utf8)
        XCTAssertEqual(try JSONParser.parse(padded[2..<(padded.count - 2)]), expected)
        XCTAssertEqual(try JSONParser.parse(Array(text.utf8).lazy.map { $0 }), expected)
    }

    func testCompactWriter() throws {
        let v = try parse(#" { "b" : [ 1 , 2.5 , true , null , "x\"y" ] , "a" : { "é" : "\u0001\n" } } "#)
        XCTAssertEqual(JSONWriter.compactText(v), #"{"b":[1,2.5,true,null,"x\"y"],"a":{"é":"\u0001\n"}}"#)
        XCTAssertEqual(JSONWriter.compactText(.double(1e300)), "1e+300")
        XCTAssertEqual(JSONWriter.compactText(.string("tab\there\\ \u{8}\u{C}\r/")), #""tab\there\\ \b\f\r/""#)
        XCTAssertEqual(v.description, JSONWriter.compactText(v))
    }

    func testWriterOutputParsesBackToTheSameValue() throws {
        let samples = [
            #"{"id":1,"name":"Zürich 😀","tags":["a","b"],"geo":{"lat":52.3702,"lon":-4.5e-7},"n":null}"#,
            #"[[],{},"\u0000\u001f\"\\",-9223372036854775808,1.0e+25,0.1]"#,
        ]
        for text in samples {
            let v = try parse(text)
            XCTAssertEqual(try parse(JSONWriter.compactText(v)), v, text)
        }
    }

    func testAccessors() throws {
        XCTAssertEqual(JSONValue.double(3.0).int64Value, 3)
        XCTAssertNil(JSONValue.double(3.5).int64Value)
        XCTAssertNil(JSONValue.double(1e30).int64Value)
        XCTAssertEqual(JSONValue.array([]).kindName, "an array")
        XCTAssertEqual(JSONValue.string("").kindName, "a string")
        XCTAssertTrue(JSONValue.null.isNull)
    }

    func testNumbersBeyondADoubleAreRefusedNotMadeInfinite() {
        XCTAssertThrowsError(try JSONParser.parse("[1e400]")) { error in
            XCTAssertEqual(error as? JSONParseError, JSONParseError(.numberOutOfRange, at: 1))
        }
        XCTAssertThrowsError(try JSONParser.parse("-1e309"))
        XCTAssertEqual(try JSONParser.parse("1.7976931348623157e308"), .double(1.7976931348623157e308))
        XCTAssertEqual(try JSONParser.parse("1e-400"), .double(0))
    }
}
