@testable import MSRConsole
import Foundation
import MSRModel
import XCTest

/// The README's key table is the one the specs make: it is compared between its marker
/// lines and, with `MSR_RECORD_SNAPSHOTS=1`, written there instead (then read the diff).
final class ReadmeKeyTableTests: XCTestCase {
    static let begin = "<!-- keys:begin -->\n", end = "<!-- keys:end -->"
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    func testReadmeKeyTableIsMadeFromTheSpecs() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let b = try XCTUnwrap(text.range(of: Self.begin), "README.md has no \(Self.begin)")
        let e = try XCTUnwrap(text.range(of: Self.end, range: b.upperBound..<text.endIndex), "README.md has no \(Self.end)")
        let shown = String(text[b.upperBound..<e.lowerBound])
        let made = KeyTableMarkdown.text
        if Snapshots.isRecording {
            try (String(text[..<b.upperBound]) + made + String(text[e.lowerBound...])).write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertTrue(shown.utf8Equal(made), """
            README.md's key table differs from the command specs; MSR_RECORD_SNAPSHOTS=1 rewrites it. Made:
            \(made)
            """)
    }

    func testTheTableNamesEveryCommandAndPromptKey() {
        let made = KeyTableMarkdown.text
        for name in CommandName.allCases { XCTAssertTrue(made.contains("`\(name.spec.usage)`"), name.rawValue) }
        for e in PromptEdit.allCases { XCTAssertTrue(made.contains(e.help), e.rawValue) }
        XCTAssertTrue(made.contains("`\\|`"), "a | key is escaped in its cell")
    }
}
