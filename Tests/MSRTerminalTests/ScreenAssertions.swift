import MSRTerminal
import XCTest

/// Compares a screen with the expected rows of text, trailing spaces ignored, and shows both
/// screens in full when they differ.
func assertScreen(
    _ buffer: ScreenBuffer, _ expected: [String], file: StaticString = #filePath, line: UInt = #line
) {
    let actual = buffer.lines.map(trimmingTrailingSpaces)
    let wanted = expected.map(trimmingTrailingSpaces)
    if actual != wanted {
        let show = { (rows: [String]) in rows.map { "  |\($0)|" }.joined(separator: "\n") }
        XCTFail("screen differs\nexpected:\n\(show(wanted))\nactual:\n\(show(actual))", file: file, line: line)
    }
}

func assertScreen(
    _ surface: InMemorySurface, _ expected: [String], file: StaticString = #filePath, line: UInt = #line
) {
    assertScreen(surface.buffer, expected, file: file, line: line)
}

func trimmingTrailingSpaces(_ text: String) -> String {
    String(text.reversed().drop(while: { $0 == " " }).reversed())
}

/// The repository's root, found from this file's path, for tests that read `themes/`.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Shorthands for styles in expectations.
extension Style {
    static func fg(_ index: UInt8, _ attributes: Attributes = []) -> Style {
        Style(foreground: .indexed(index), attributes: attributes)
    }
}
