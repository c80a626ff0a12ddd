import Foundation
import MSRTestSupport
import XCTest

/// `msr state`, `diff` and `events` write CSV and NDJSON values as a reader sees them
/// (decimals exact, times ISO-8601), and as ingested with `--raw-values`.
final class ReadableValuesCLITests: XCTestCase {
    static let dir = TemporaryDirectory("msr-readable")
    static var recording: String { dir.path("ex.msr") }

    override class func setUp() {
        super.setUp()
        if !FileManager.default.fileExists(atPath: recording) {
            _ = try? MSRBinary.run(["generate", "--out", recording, "--events", "3000", "--seed", "3", "--quiet"])
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: dir.url)
        super.tearDown()
    }

    private func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    private let iso = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$"#

    func testStateNDJSONIsReadableAndRawOnRequest() throws {
        let r = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "+00:10:00", "--format", "ndjson"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try objects(r.stdout)
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            let at = try XCTUnwrap(row["updated_at"] as? String, "\(row)")
            XCTAssertNotNil(at.range(of: iso, options: .regularExpression), at)
            let strength = try XCTUnwrap(row["strength"] as? NSNumber, "a decimal is a JSON number: \(row)")
            XCTAssertTrue((0...100).contains(strength.doubleValue), "\(strength)")
        }
        // A decimal keeps the digits of its scale: 87.0 stays 87.0, not 87.
        XCTAssertNotNil(r.stdout.range(of: #""strength":\d+\.\d[,}]"#, options: .regularExpression), r.stdout)
        let raw = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "+00:10:00", "--format", "ndjson", "--raw-values"])
        let rawRows = try objects(raw.stdout)
        XCTAssertEqual(rawRows.count, rows.count)
        XCTAssertNotNil(rawRows[0]["updated_at"] as? Int, "\(rawRows[0])")
        XCTAssertNotNil(rawRows[0]["strength"] as? String, "base64 as ingested: \(rawRows[0])")
    }

    func testStateCSVAndDiffAndEventsAreReadable() throws {
        let csv = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "+00:10:00", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try XCTUnwrap(header.firstIndex(of: "updated_at"))
        let strength = try XCTUnwrap(header.firstIndex(of: "strength"))
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertNotNil(first[column].range(of: iso, options: .regularExpression), String(lines[1]))
        XCTAssertNotNil(first[strength].range(of: #"^\d+\.\d$"#, options: .regularExpression), String(lines[1]))
        let diff = try MSRBinary.run(["diff", Self.recording, "--table", "units", "--from", "+00:05:00", "--to", "+00:10:00", "--format", "ndjson"])
        let changed = try objects(diff.stdout)
        XCTAssertFalse(changed.isEmpty)
        XCTAssertNotNil((changed[0]["updated_at"] as? String)?.range(of: iso, options: .regularExpression), "\(changed[0])")
        let events = try MSRBinary.run(["events", Self.recording, "--table", "units", "--max", "20"])
        for e in try objects(events.stdout) {
            let after = try XCTUnwrap(e["after"] as? [String: Any] ?? e["before"] as? [String: Any])
            XCTAssertNotNil((after["updated_at"] as? String)?.range(of: iso, options: .regularExpression), "\(after)")
        }
        let raw = try MSRBinary.run(["events", Self.recording, "--table", "units", "--max", "1", "--raw-values"])
        let e = try XCTUnwrap(try objects(raw.stdout).first)
        XCTAssertNotNil((e["after"] as? [String: Any])?["updated_at"] as? Int, "\(e)")
    }
}
