import Foundation
import MSRStore
import MSRTestSupport
import XCTest

/// `msr open --script --headless`: the console on an in-memory screen, its snapshots printed.
final class HeadlessConsoleTests: XCTestCase {
    static let dir = TemporaryDirectory("msr-headless")
    static var recording: String { dir.path("ex.msr") }

    override class func setUp() {
        super.setUp()
        _ = try? MSRBinary.run(["generate", "--out", recording, "--events", "20000", "--seed", "7", "--quiet"])
    }

    private func script(_ text: String) throws -> String {
        let path = Self.dir.path("script-\(UUID().uuidString.prefix(6)).txt")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testScriptSnapshotsArePrinted() throws {
        let path = try script("""
            go-to +00:30:00
            key tab            # units
            filter side=BLUE
            sort -speed
            snapshot blue units
            quit
            """)
        let r = try MSRBinary.run(["open", Self.recording, "--script", path, "--headless", "--size", "140x30"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let parts = r.stdout.components(separatedBy: "--- final screen ---\n")
        XCTAssertEqual(parts.count, 2, r.stdout)
        let snapshot = try XCTUnwrap(parts.first?.components(separatedBy: "--- snapshot blue units ---\n").last)
        let lines = snapshot.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 30, snapshot)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 140 }, snapshot)
        XCTAssertTrue(lines[0].contains("+00:30:00.000"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("/20000"), String(lines[0]))
        XCTAssertTrue(snapshot.contains("public.units · row 1 of"), snapshot)
        XCTAssertTrue(snapshot.contains("/side=BLUE · sort speed ↓"), snapshot)
        for table in ["public.tracks", "public.orders", "public.alerts"] { XCTAssertTrue(snapshot.contains(table), snapshot) }
        // The units pane (the right half of the top row of panes) shows BLUE units only.
        let units = lines[3..<12].map { String($0.dropFirst(70)) }
        XCTAssertTrue(units.allSatisfy { $0.contains("BLUE") }, units.joined(separator: "\n"))
        XCTAssertTrue(lines[29].contains("speed") || lines[29].contains("help"), String(lines[29]))
    }

    func testAScriptWithAMistakeIsRefusedBeforeAnythingRuns() throws {
        let path = try script("play\nwait a while\n")
        let r = try MSRBinary.run(["open", Self.recording, "--script", path, "--headless"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("line 2"), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty, r.stdout)
    }
    /// A recording whose capture snapshot was cut short says so on the console's screen, as
    /// `msr info` and `msr state` do.
    func testAnIncompleteInitialSnapshotIsShownOnScreen() throws {
        let rec = Self.dir.path("half-snapshot.msr")
        XCTAssertEqual(try MSRBinary.run(["generate", "--out", rec, "--events", "500", "--quiet"]).status, 0)
        let path = try script("snapshot opened\n")
        let whole = try MSRBinary.run(["open", rec, "--script", path, "--headless", "--size", "200x30"])
        XCTAssertFalse(whole.stdout.contains("snapshot incomplete"), whole.stdout)
        do {
            let store = try SQLiteRecordingStore(openingAt: rec, writable: true)
            defer { store.close() }
            try store.setMetaValue(InitialSnapshotStatus.metaKey, "started:1")
        }
        let r = try MSRBinary.run(["open", rec, "--script", path, "--headless", "--size", "200x30"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let opened = try XCTUnwrap(r.stdout.components(separatedBy: "--- final screen ---").first)
        XCTAssertTrue(opened.contains("initial snapshot incomplete: rows from before the capture began may be missing"), opened)
    }
}
