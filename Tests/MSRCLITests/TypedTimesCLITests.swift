import Foundation
import MSRTestSupport
import XCTest

/// Times of day and steps on the command line, and `--tz` for the console.
final class TypedTimesCLITests: XCTestCase {
    static let dir = TemporaryDirectory("msr-cli-times")
    static var recording: String { dir.path("ex.msr") }

    override class func setUp() {
        super.setUp()
        if !FileManager.default.fileExists(atPath: recording) {
            _ = try? MSRBinary.run(["generate", "--out", recording, "--events", "5000", "--seed", "3", "--quiet"])
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: dir.url)
        super.tearDown()
    }

    private func state(_ at: String) throws -> String {
        let r = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", at, "--format", "ndjson"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    func testATimeOfDayAndAStepNameTheSameMomentsAsBefore() throws {
        // The exercise starts at 2026-03-14T08:00:00Z.
        let offset = try state("+600.5")
        XCTAssertFalse(offset.isEmpty)
        XCTAssertEqual(try state("08:10:00.500"), offset)
        XCTAssertEqual(try state("+10m0.5s"), offset, "a step counts from the start on the command line")
        XCTAssertNotEqual(try state("08:01"), offset)
        let window = try MSRBinary.run(["count", Self.recording, "--from-time", "08:02", "--to-time", "08:04:30"]).stdout
        let before = try MSRBinary.run(["count", Self.recording, "--from-time", "+120", "--to-time", "+00:04:30"]).stdout
        XCTAssertEqual(window, before)
    }

    func testBadTimesAndZonesAreRefusedInOneSentence() throws {
        let bad = try MSRBinary.run(["state", Self.recording, "--table", "units", "--at", "25:00"])
        XCTAssertEqual(bad.status, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("time of day"), bad.stderr)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        let zone = try MSRBinary.run(["open", Self.recording, "--tz", "Mars/Olympus"])
        XCTAssertNotEqual(zone.status, 0)
        XCTAssertTrue(zone.stderr.contains("not a time zone msr knows"), zone.stderr)
    }
}
