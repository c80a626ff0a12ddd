import Foundation
import XCTest

/// Expected screens kept as golden files: `Snapshots/NAME.txt`, one screen row per line,
/// trailing spaces removed. Run with `MSR_RECORD_SNAPSHOTS=1` to write them from what the
/// console shows now; then read the diff before committing, since a golden file is the
/// specification of the screen and is never edited by hand to make a test pass.
enum Snapshots {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["MSR_RECORD_SNAPSHOTS"] == "1" }
}

/// Compares `lines` with the golden file `name`, or records it when `MSR_RECORD_SNAPSHOTS=1`.
func assertSnapshot(_ lines: [String], named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = Snapshots.directory.appendingPathComponent(name + ".txt")
    let actual = lines.joined(separator: "\n") + "\n"
    if Snapshots.isRecording {
        do {
            try FileManager.default.createDirectory(at: Snapshots.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            XCTFail("could not record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("""
            no golden file \(url.path); record it with
              MSR_RECORD_SNAPSHOTS=1 swift test --skip-build --disable-swift-testing --filter MSRConsoleTests
            and read it before committing. The screen now:
            \(actual)
            """, file: file, line: line)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? String(e[i]) : "<none>", y = i < a.count ? String(a[i]) : "<none>"
        if x != y { diff.append("row \(i):\n  expected |\(x)|\n  actual   |\(y)|") }
    }
    XCTFail("""
        the screen differs from \(name).txt (MSR_RECORD_SNAPSHOTS=1 re-records it, if the change is meant):
        \(diff.prefix(12).joined(separator: "\n"))
        the whole screen:
        \(actual)
        """, file: file, line: line)
}

extension ConsoleHarness {
    /// The screen as it is now against the golden file `name`.
    func assertScreen(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertSnapshot(lines, named: name, file: file, line: line)
    }
}
