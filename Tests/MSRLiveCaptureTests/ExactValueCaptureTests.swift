import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// What PostgreSQL holds is recorded exactly: keys that differ only in Unicode normalisation
/// are two rows, a change of normalisation is a change, and floats keep NaN, the infinities and
/// -0; a JSON null is not SQL NULL; a domain's values take its base type's form. Through the
/// snapshot and the stream, and out again through `msr state`.
final class ExactValueCaptureTests: LiveCaptureTestCase {
    /// `text` as a PostgreSQL Unicode-escape literal, so its exact code points reach the server
    /// whatever the client does with strings.
    private func literal(_ text: String) -> String {
        var out = "U&'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "''"
            case "\\": out += "\\\\"
            case _ where scalar.value >= 0x20 && scalar.value < 0x7F: out.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\+" + String(repeating: "0", count: 6 - hex.count) + hex
            }
        }
        return out + "'"
    }

    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    func testTextThatDiffersOnlyInNormalisationStaysApart() throws {
        try sql("CREATE TABLE words (w text PRIMARY KEY, note text)")
        // Numbered, since two pairs share a form (Å).
        let pairs = LookAlikeText.all.enumerated().map { i, p in
            LookAlikeText.Pair(label: p.label, first: "\(i)" + p.first, second: "\(i)" + p.second, canonicallyEquivalent: p.canonicallyEquivalent)
        }
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        for pair in pairs {
            try sql("INSERT INTO words VALUES (\(literal(pair.first)), \(literal(nfc))), (\(literal(pair.second)), \(literal(nfc)))")
        }
        // The database holds two rows per pair.
        XCTAssertEqual(try sql("SELECT count(*) FROM words").rows.first?.first, "\(2 * pairs.count)")

        let capture = try startCapture(["--tables", "words,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: \(2 * pairs.count) rows"), capture.stderr)
        try assertRecording(at: nil, equals: try databaseTable("words", key: ["w"]), "after the snapshot")

        for pair in pairs {
            // Streamed inserts of both forms; updates that only change the note's normalisation;
            // a delete of one form, and a key changed to the other form.
            let a = literal("s-" + pair.first), b = literal("s-" + pair.second)
            try sql("INSERT INTO words VALUES (\(a), \(literal(nfc))), (\(b), \(literal(nfc)))")
            try sql("UPDATE words SET note = \(literal(nfd)) WHERE w = \(a)")
            try sql("UPDATE words SET note = \(literal(nfd)) WHERE w = \(literal(pair.second))")
            try sql("DELETE FROM words WHERE w = \(b)")
            try sql("UPDATE words SET w = \(b) WHERE w = \(a)")
        }
        try waitForMarker(1, capture: capture)
        let expected = try databaseTable("words", key: ["w"])
        XCTAssertEqual(expected.rows.count, 3 * pairs.count)
        try assertRecording(at: nil, equals: expected, "after streamed changes")

        // Every normalisation-only update is an update event whose note really changed.
        let (events, tables) = try allEvents()
        let words = try XCTUnwrap(tables.first { $0.name.name == "words" })
        let note = try XCTUnwrap(words.columnIndex(named: "note"))
        let renormalised = events.filter { e in
            e.table == words.id && e.op == .update && e.before.map { bytes($0[note].description) } == bytes(nfc)
                && e.after.map { bytes($0[note].description) } == bytes(nfd)
        }
        XCTAssertEqual(renormalised.count, 2 * pairs.count)

        // `msr state` prints every row with its own bytes.
        let state = try MSRBinary.run(["state", recording, "--table", "words", "--at", try serverNow().iso8601, "--format", "ndjson"])
        XCTAssertEqual(state.status, 0, state.stderr)
        let lines = state.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3 * pairs.count)
        for pair in pairs {
            for text in [pair.first, pair.second, "s-" + pair.second] {
                XCTAssertTrue(lines.contains { $0.utf8HasPrefix("{\"w\":\"" + text + "\",") }, "\(pair.label): \(text) missing")
            }
            XCTAssertFalse(lines.contains { $0.utf8HasPrefix("{\"w\":\"s-" + pair.first + "\",") }, pair.label)
        }
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }

    func testSpecialFloatsJSONNullAndDomainsAreRecordedExactly() throws {
        try sql("""
            CREATE DOMAIN positive AS int CHECK (VALUE > 0);
            CREATE DOMAIN label AS text;
            CREATE DOMAIN short_label AS label CHECK (length(VALUE) < 10);
            CREATE TABLE vals (id int PRIMARY KEY, f8 float8, f4 float4, j jsonb, js json, d positive, t label, tt short_label);
            INSERT INTO vals VALUES
              (1, 'NaN', 'NaN', 'null', 'null', 1, 'x', 'y'),
              (2, 'Infinity', 'Infinity', NULL, NULL, 2, NULL, NULL),
              (3, '-Infinity', '-Infinity', '{"a": [1, null]}', '{"a":  1}', 3, 'z', 'z'),
              (4, '-0', '-0', '"null"', '[1,2]', 4, '', ''),
              (5, '0', '0', '0', '"x"', 5, '5', '5');
            """)
        let capture = try startCapture(["--tables", "vals,marker"])
        XCTAssertTrue(capture.waitForStderr("Initial snapshot: 5 rows"), capture.stderr)
        // The same values again, through the stream; and updates that only flip a zero's sign.
        try sql("INSERT INTO vals SELECT id + 10, f8, f4, j, js, d + 10, t, tt FROM vals WHERE id <= 5")
        try sql("UPDATE vals SET f8 = '-0', f4 = '-0' WHERE id IN (5, 15)")
        try sql("UPDATE vals SET f8 = '0' WHERE id IN (4, 14)")
        try waitForMarker(1, capture: capture)
        try assertRecording(at: nil, equals: try databaseTable("vals", key: ["id"]), "after the stream")

        let (events, tables) = try allEvents()
        let vals = try XCTUnwrap(tables.first { $0.name.name == "vals" })
        let updates = events.filter { $0.table == vals.id && $0.op == .update }
        XCTAssertEqual(updates.count, 4)
        XCTAssertTrue(updates.allSatisfy { e in e.after.map { !$0.sameCells(as: e.before ?? Row([])) } ?? false })
        let d = try XCTUnwrap(vals.columnIndex(named: "d")), tt = try XCTUnwrap(vals.columnIndex(named: "tt"))
        XCTAssertEqual(vals.columns[d].type.kind, "positive")
        XCTAssertEqual(vals.columns[d].type.parameters["base"], "int4")
        XCTAssertEqual(vals.columns[tt].type.parameters["base"], "text")

        let now = try serverNow().iso8601
        let ndjson = try MSRBinary.run(["state", recording, "--table", "vals", "--at", now, "--format", "ndjson"])
        XCTAssertEqual(ndjson.status, 0, ndjson.stderr)
        let rows = ndjson.stdout.split(separator: "\n").map(String.init)
        let expected = [
            #"{"id":1,"f8":"NaN","f4":"NaN","j":"null","js":"null","d":1,"t":"x","tt":"y"}"#,
            #"{"id":2,"f8":"Infinity","f4":"Infinity","j":null,"js":null,"d":2,"t":null,"tt":null}"#,
            #"{"id":3,"f8":"-Infinity","f4":"-Infinity","j":"{\"a\": [1, null]}","js":"{\"a\":  1}","d":3,"t":"z","tt":"z"}"#,
            #"{"id":4,"f8":0.0,"f4":-0.0,"j":"\"null\"","js":"[1,2]","d":4,"t":"","tt":""}"#,
            #"{"id":5,"f8":-0.0,"f4":-0.0,"j":"0","js":"\"x\"","d":5,"t":"5","tt":"5"}"#,
        ]
        XCTAssertEqual(Array(rows.prefix(5)), expected)
        // The streamed copies (ids 11…15) are the same values.
        XCTAssertEqual(rows.dropFirst(5).map { $0.replacingOccurrences(of: #"^\{"id":1(\d),"#, with: #"{"id":$1,"#, options: .regularExpression) }
                           .map { $0.replacingOccurrences(of: #""d":1(\d),"#, with: #""d":$1,"#, options: .regularExpression) },
                       expected)

        let csv = try MSRBinary.run(["state", recording, "--table", "vals", "--at", now, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let records = csv.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(records.prefix(6)), [
            "id,f8,f4,j,js,d,t,tt",
            "1,NaN,NaN,null,null,1,x,y",
            "2,Infinity,Infinity,,,2,,",
            #"3,-Infinity,-Infinity,"{""a"": [1, null]}","{""a"":  1}",3,z,z"#,
            #"4,0.0,-0.0,"""null""","[1,2]",4,,"#,
            #"5,-0.0,-0.0,0,"""x""",5,5,5"#,
        ])

        let table = try MSRBinary.run(["state", recording, "--table", "vals", "--at", now])
        XCTAssertEqual(table.status, 0, table.stderr)
        let first = try XCTUnwrap(table.stdout.split(separator: "\n").dropFirst(2).first)
        XCTAssertEqual(first.split(separator: " ").map(String.init), ["1", "NaN", "NaN", "null", "null", "1", "x", "y"])
        XCTAssertEqual(capture.stop(SIGTERM), 0, capture.stderr)
    }
}
