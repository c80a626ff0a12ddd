import Foundation
import MSRTestSupport
import XCTest

/// Float NaN and infinities as Kafka Connect's JSON converter writes them (quoted, or bare with
/// quoting off) are recorded as doubles where the line's schema types the column as a float,
/// sort as numbers in `msr state`, and keep -0's sign; a re-ingest adds nothing.
final class SpecialFloatIngestTests: XCTestCase {
    private static let schema = #"{"type":"struct","fields":[{"type":"struct","fields":["#
        + #"{"type":"double","optional":false,"field":"f"},{"type":"string","optional":true,"field":"label"}],"#
        + #""optional":true,"name":"pg.public.m.Value","field":"after"}],"name":"pg.public.m.Envelope"}"#

    private func line(_ f: String, _ label: String, lsn: Int) -> String {
        let ms = 1_772_360_100_000 + Int64(lsn) * 1000
        let payload = #"{"before":null,"after":{"f":\#(f),"label":"\#(label)"},"source":{"schema":"public","table":"m","#
            + #""ts_ms":\#(ms),"lsn":\#(lsn),"snapshot":"false"},"op":"c","ts_ms":\#(ms)}"#
        return #"{"schema":\#(Self.schema),"payload":\#(payload)}"#
    }

    func testNonFiniteFloatsSortAsNumbersAndMinusZeroKeepsItsSign() throws {
        let dir = TemporaryDirectory()
        let input = dir.path("floats.ndjson")
        let lines = [
            line(#""NaN""#, "NaN", lsn: 1),
            line("2.5", "two and a half", lsn: 2),
            line(#""Infinity""#, "infinity", lsn: 3),
            line(#""-Infinity""#, "minus infinity", lsn: 4),
            line("-0.0", "minus zero", lsn: 5),
            line("-1e300", "large", lsn: 6),
            // Bare tokens are just another spelling of a key already seen: an update.
            line("NaN", "bare NaN", lsn: 7),
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let rec = dir.path("floats.msr")
        let ingest = try MSRBinary.run(["ingest", "debezium", input, "--into", rec, "--key", "public.m=f"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        XCTAssertTrue(ingest.stderr.contains("7 events recorded from 7 lines"), ingest.stderr)

        // Keys in numeric order, -0 with its sign, NaN after every number (strings would sort after them all).
        let csv = try MSRBinary.run(["state", rec, "--table", "public.m", "--at", "+60", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(Array(csv.stdout.utf8), Array(("f,label\n-Infinity,minus infinity\n-1e+300,large\n"
            + "-0.0,minus zero\n2.5,two and a half\nInfinity,infinity\nNaN,bare NaN\n").utf8), csv.stdout)
        let ndjson = try MSRBinary.run(["state", rec, "--table", "public.m", "--at", "+60", "--format", "ndjson"])
        XCTAssertEqual(ndjson.status, 0, ndjson.stderr)
        XCTAssertEqual(ndjson.stdout.split(separator: "\n").map(String.init), [
            #"{"f":"-Infinity","label":"minus infinity"}"#, #"{"f":-1e+300,"label":"large"}"#,
            #"{"f":-0.0,"label":"minus zero"}"#, #"{"f":2.5,"label":"two and a half"}"#,
            #"{"f":"Infinity","label":"infinity"}"#, #"{"f":"NaN","label":"bare NaN"}"#,
        ])

        let again = try MSRBinary.run(["ingest", "debezium", input, "--into", rec, "--key", "public.m=f"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try MSRBinary.run(["count", rec]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "7")
        let after = try MSRBinary.run(["state", rec, "--table", "public.m", "--at", "+60", "--format", "csv"])
        XCTAssertEqual(Array(after.stdout.utf8), Array(csv.stdout.utf8))
    }
}
