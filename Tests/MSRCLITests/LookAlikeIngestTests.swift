import Foundation
import MSRTestSupport
import XCTest

/// Debezium NDJSON whose keys, cells and table names differ only in normalisation (or are
/// look-alikes) is ingested as distinct rows and tables, and `msr state`, `diff` and `events`
/// give every byte back; special floats survive too.
final class LookAlikeIngestTests: XCTestCase {
    private func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A Debezium line; `image` is the row's JSON members.
    private func line(_ op: String, table: String, before: String?, after: String?, ms: Int64, lsn: Int64, schema: Bool = false) -> String {
        let payload = "{\"before\":\(before ?? "null"),\"after\":\(after ?? "null"),\"source\":{\"schema\":\"public\",\"table\":\(quote(table)),"
            + "\"ts_ms\":\(ms),\"lsn\":\(lsn),\"snapshot\":false},\"op\":\"\(op)\",\"ts_ms\":\(ms)}"
        // Some lines in the `{schema, payload}` envelope, so both decoding paths are used.
        return schema ? "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":\(payload)}" : payload
    }

    private func row(_ id: String, _ name: String, _ f: String) -> String {
        "{\"id\":\(quote(id)),\"name\":\(quote(name)),\"f\":\(f)}"
    }

    func testLookAlikeKeysCellsAndTablesStayApart() throws {
        let dir = TemporaryDirectory()
        let input = dir.path("in.ndjson")
        var lines: [String] = []
        var lsn: Int64 = 0
        var ms: Int64 = 1000
        func add(_ op: String, _ table: String = "places", before: String?, after: String?) {
            lsn += 1
            ms += 1000
            lines.append(line(op, table: table, before: before, after: after, ms: ms, lsn: lsn, schema: lsn % 2 == 0))
        }
        let pairs = LookAlikeText.all.enumerated().map { i, p in ("\(i)" + p.first, "\(i)" + p.second) }
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        for (a, b) in pairs {
            add("c", before: nil, after: row(a, nfc, "1.5"))
            add("c", before: nil, after: row(b, nfc, "\"NaN\""))
        }
        let updateFrom = ms
        for (_, b) in pairs {
            // Only the name's normalisation changes; then only the sign of a zero.
            add("u", before: row(b, nfc, "\"NaN\""), after: row(b, nfd, "0.0"))
            add("u", before: row(b, nfd, "0.0"), after: row(b, nfd, "-0.0"))
        }
        let updateTo = ms
        for (a, _) in pairs { add("d", before: row(a, nfc, "1.5"), after: nil) }
        // Two tables whose names differ only in normalisation.
        add("c", nfc, before: nil, after: row("1", "x", "1"))
        add("c", nfd, before: nil, after: row("1", "y", "2"))
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)

        let rec = dir.path("r.msr")
        let ingest = try MSRBinary.run(["ingest", "debezium", input, "--into", rec])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        XCTAssertTrue(ingest.stderr.contains("\(lines.count) events recorded"), ingest.stderr)
        // Ingesting again adds nothing: the same lines are the same events.
        let again = try MSRBinary.run(["ingest", "debezium", input, "--into", rec])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try MSRBinary.run(["count", rec]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "\(lines.count)")

        let info = try MSRBinary.run(["info", rec, "--json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let tables = try XCTUnwrap(json["tables"] as? [[String: Any]])
        XCTAssertEqual(tables.count, 3, info.stdout)

        let state = try MSRBinary.run(["state", rec, "--table", "public.places", "--at", "+1000", "--format", "ndjson"])
        XCTAssertEqual(state.status, 0, state.stderr)
        let rows = state.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, pairs.count)
        let expected = pairs.map { "{\"id\":\(quote($0.1)),\"name\":\(quote(nfd)),\"f\":-0.0}" }
        XCTAssertEqual(rows.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) },
                       expected.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })

        // Before the updates the name is composed and f the NaN string Debezium sent.
        let mid = try MSRBinary.run(["state", rec, "--table", "public.places", "--at", Self.iso(updateFrom), "--format", "csv"])
        let midRows = mid.stdout.split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(midRows.count, 2 * pairs.count)
        for (a, b) in pairs {
            XCTAssertTrue(midRows.contains { Array($0.utf8) == Array((a + "," + nfc + ",1.5").utf8) }, a)
            XCTAssertTrue(midRows.contains { Array($0.utf8) == Array((b + "," + nfc + ",NaN").utf8) }, b)
        }

        // Both updates of every pair's second row are changes, naming the changed column.
        let diff = try MSRBinary.run(["diff", rec, "--table", "public.places", "--from", Self.iso(updateFrom),
                                      "--to", Self.iso(updateTo), "--format", "csv"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let changed = diff.stdout.split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(changed.count, pairs.count)
        for (_, b) in pairs {
            XCTAssertTrue(changed.contains { Array($0.utf8) == Array(("~,name f," + b + "," + nfd + ",-0.0").utf8) }, "\(b): \(changed)")
        }
        let signOnly = try MSRBinary.run(["diff", rec, "--table", "public.places", "--from", Self.iso(updateTo - 1000),
                                          "--to", Self.iso(updateTo), "--format", "csv"])
        XCTAssertEqual(signOnly.stdout.split(separator: "\n").dropFirst().map { Array($0.utf8) },
                       [Array(("~,f," + pairs.last!.1 + "," + nfd + ",-0.0").utf8)])

        let events = try MSRBinary.run(["events", rec, "--table", "public.places", "--op", "u"])
        XCTAssertEqual(events.stdout.split(separator: "\n").count, 2 * pairs.count)
        for table in [nfc, nfd] {
            let t = try MSRBinary.run(["state", rec, "--table", "public." + table, "--at", "+1000", "--format", "csv"])
            XCTAssertEqual(t.status, 0, t.stderr)
            XCTAssertEqual(t.stdout, "id,name,f\n1," + (table.utf8Equal(nfc) ? "x,1" : "y,2") + "\n")
        }
    }

    private static func iso(_ ms: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
