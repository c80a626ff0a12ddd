import Foundation
import MSRStore
import MSRTestSupport
import XCTest

/// The `msr` binary end to end on a small generated exercise.
final class CLITests: XCTestCase {
    static let dir = TemporaryDirectory("msr-cli")
    static var recording: String { dir.path("ex.msr") }

    override class func setUp() {
        super.setUp()
        if !FileManager.default.fileExists(atPath: recording) {
            _ = try? MSRBinary.run(["generate", "--out", recording, "--events", "20000", "--seed", "7", "--quiet"])
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: dir.url)
        super.tearDown()
    }

    func testGenerateIsDeterministic() throws {
        let other = Self.dir.path("again.msr")
        XCTAssertEqual(try MSRBinary.run(["generate", "--out", other, "--events", "20000", "--seed", "7", "--quiet"]).status, 0)
        let a = try MSRBinary.run(["events", Self.recording, "--from-offset", "19000"]).stdout
        let b = try MSRBinary.run(["events", other, "--from-offset", "19000"]).stdout
        XCTAssertEqual(a.split(separator: "\n").count, 1000)
        XCTAssertEqual(a, b)
        let exists = try MSRBinary.run(["generate", "--out", other, "--events", "10"])
        XCTAssertEqual(exists.status, 1)
        XCTAssertTrue(exists.stderr.contains("already exists"), exists.stderr)
    }

    func testInfoAsJSON() throws {
        let r = try MSRBinary.run(["info", Self.recording, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["events"] as? Int, 20000)
        let tables = try XCTUnwrap(json["tables"] as? [[String: Any]])
        XCTAssertEqual(Set(tables.compactMap { $0["table"] as? String }), ["units", "tracks", "orders", "alerts", "engagements"])
        let span = try XCTUnwrap(json["span_seconds"] as? Double)
        XCTAssertGreaterThan(span, 6000)
        let text = try MSRBinary.run(["info", Self.recording]).stdout
        XCTAssertTrue(text.contains("public.units"))
        XCTAssertTrue(text.contains("activity"))
    }

    /// `state` in every format agrees with replaying `events` up to the same moment.
    func testStateAgreesWithEventReplay() throws {
        let at = "+00:45:00"
        let ndjson = try MSRBinary.run(["state", Self.recording, "--table", "orders", "--at", at, "--format", "ndjson"])
        XCTAssertEqual(ndjson.status, 0, ndjson.stderr)
        var fromState: [Int: String] = [:]
        for line in ndjson.stdout.split(separator: "\n") {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            fromState[try XCTUnwrap(obj["id"] as? Int)] = String(line)
        }
        XCTAssertFalse(fromState.isEmpty)
        let events = try MSRBinary.run(["events", Self.recording, "--table", "public.orders", "--to-time", at])
        var replayed: [Int: [String: Any]] = [:]
        for line in events.stdout.split(separator: "\n") {
            let e = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try XCTUnwrap((e["key"] as? [String: Any])?["id"] as? Int)
            if let after = e["after"] as? [String: Any] { replayed[id] = after } else { replayed[id] = nil }
        }
        XCTAssertEqual(Set(replayed.keys), Set(fromState.keys))
        let sample = try XCTUnwrap(fromState.keys.sorted().last)
        let stateRow = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(fromState[sample]!.utf8)) as? NSDictionary)
        XCTAssertEqual(stateRow, replayed[sample]! as NSDictionary)
        // Sorted by primary key, in every format.
        XCTAssertEqual(fromState.keys.sorted(), ndjson.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? Int
        })
        let csv = try MSRBinary.run(["state", Self.recording, "--table", "orders", "--at", at, "--format", "csv"])
        XCTAssertEqual(csv.stdout.split(separator: "\n").count, fromState.count + 1)
        XCTAssertTrue(csv.stdout.hasPrefix("id,"))
        let table = try MSRBinary.run(["state", Self.recording, "--table", "public.orders", "--at", at])
        XCTAssertEqual(table.stdout.split(separator: "\n").count, fromState.count + 2)
    }

    func testAbsoluteAndRelativeTimesAgree() throws {
        let info = try MSRBinary.run(["info", Self.recording, "--json"]).stdout
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(info.utf8)) as? [String: Any])
        XCTAssertEqual(json["first_commit"] as? String, "2026-03-14T08:00:00Z")
        let relative = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "+3600.5"]).stdout
        let absolute = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "2026-03-14T10:00:00.500+01:00"]).stdout
        let micro = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "2026-03-14T09:00:00.500000Z"]).stdout
        XCTAssertEqual(relative, absolute)
        XCTAssertEqual(relative, micro)
    }

    func testDiffListsChanges() throws {
        let r = try MSRBinary.run(["diff", Self.recording, "--table", "units", "--from", "+00:30:00", "--to", "+00:31:00", "--format", "ndjson"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertTrue(["+", "-", "~"].contains(obj["change"] as? String ?? ""))
        }
        let none = try MSRBinary.run(["diff", Self.recording, "--table", "units", "--from", "+600", "--to", "+600"])
        XCTAssertEqual(none.stdout.split(separator: "\n").count, 2, "only the header")
    }

    func testEventFiltersAndCount() throws {
        let count = try MSRBinary.run(["count", Self.recording, "--table", "orders", "--op", "c,d"])
        XCTAssertEqual(count.status, 0)
        let n = try XCTUnwrap(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let events = try MSRBinary.run(["events", Self.recording, "--table", "orders", "--op", "c,d"])
        let lines = events.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, n)
        XCTAssertTrue(lines.allSatisfy { $0.contains("\"table\":\"public.orders\"") && ($0.contains("\"op\":\"c\"") || $0.contains("\"op\":\"d\"")) })
        let page = try MSRBinary.run(["events", Self.recording, "--from-offset", "100", "--max", "5"]).stdout.split(separator: "\n")
        XCTAssertEqual(page.count, 5)
        XCTAssertTrue(page[0].hasPrefix("{\"seq\":101,"))
        let window = try MSRBinary.run(["count", Self.recording, "--from-time", "+00:10:00", "--to-time", "+00:20:00"]).stdout
        XCTAssertGreaterThan(Int(window.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 0)
        let progress = try MSRBinary.run(["events", Self.recording, "--max", "300", "--rate", "3000", "--progress"])
        XCTAssertEqual(progress.stdout.split(separator: "\n").count, 300)
        XCTAssertTrue(progress.stderr.contains("300/300 events"), progress.stderr)
    }

    func testMistakesGetOneSentenceAndStatusOne() throws {
        let cases: [[String]] = [
            ["state", Self.recording, "--table", "units", "--at", "yesterday"],
            ["state", Self.recording, "--table", "nosuch", "--at", "+1"],
            ["state", Self.dir.path("missing.msr"), "--table", "units", "--at", "+1"],
            ["events", Self.recording, "--op", "x"],
            ["info", "/etc/hostname"],
        ]
        for args in cases {
            let r = try MSRBinary.run(args)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("msr: "), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertFalse(r.stderr.contains("Fatal error"))
        }
    }

    func testBookmarksAreListed() throws {
        let copy = Self.dir.path("bm.msr")
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: Self.recording, toPath: copy)
        let add = try MSRBinary.run(["bookmark", copy, "--at", "+00:20:00", "--label", "first contact", "--note", "RED recon spotted"])
        XCTAssertEqual(add.status, 0, add.stderr)
        let info = try MSRBinary.run(["info", copy]).stdout
        XCTAssertTrue(info.contains("2026-03-14T08:20:00Z  first contact  — RED recon spotted"), info)
    }

    /// Keyframe pages that cannot be read make `state` and `diff` fail in one sentence rather
    /// than print a table with rows missing.
    func testDamagedKeyframePagesAreReportedNotPrintedAround() throws {
        let damaged = Self.dir.path("damaged.msr")
        try? FileManager.default.removeItem(atPath: damaged)
        try FileManager.default.copyItem(atPath: Self.recording, toPath: damaged)
        let whole = try MSRBinary.run(["state", damaged, "--table", "tracks", "--at", "+02:00:00", "--format", "csv"])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let db = try SQLiteDatabase(path: damaged, create: false)
        try db.execute("UPDATE pages SET data = x'4003ffff'")
        for args in [["state", damaged, "--table", "tracks", "--at", "+02:00:00", "--format", "csv"],
                     ["diff", damaged, "--table", "tracks", "--from", "+01:50:00", "--to", "+02:00:00"]] {
            let r = try MSRBinary.run(args)
            XCTAssertEqual(r.status, 1, r.stdout)
            XCTAssertTrue(r.stdout.isEmpty, "nothing printed: \(r.stdout.prefix(200))")
            XCTAssertTrue(r.stderr.contains("is damaged") && r.stderr.contains("keyframe page"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
    }
}
