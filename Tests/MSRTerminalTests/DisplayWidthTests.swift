import MSRTerminal
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("hello, world"), 12)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testCJKAndEmojiAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("漢字"), 4)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth Latin")
        XCTAssertEqual(DisplayWidth.of("😀🚀"), 4)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "a skin-tone modifier joins its emoji")
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2, "a ZWJ family is one picture")
        XCTAssertEqual(DisplayWidth.of("🇯🇵"), 2, "a flag is one picture")
        XCTAssertEqual(DisplayWidth.of("☀️"), 2, "variation selector 16 asks for the picture")
        XCTAssertEqual(DisplayWidth.of("☀"), 1, "without it the sun is text")
    }

    func testCombiningMarksAttachToTheirBase() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("a\u{308}\u{323}"), 1)
        XCTAssertEqual(DisplayWidth.of("ก\u{E34}"), 1, "a Thai vowel sign")
    }

    func testControlCharactersAreShownAsOneColumnSymbols() {
        XCTAssertEqual(DisplayWidth.of("a\tb"), 3)
        XCTAssertEqual(DisplayWidth.of("a\r\nb"), 3)
        XCTAssertEqual(DisplayWidth.of("\u{0}\u{7F}\u{85}"), 3)
        XCTAssertEqual(DisplayWidth.of("\u{200B}\u{FEFF}\u{202E}"), 0, "invisible format characters are dropped")
    }

    func testSanitisedGraphemes() {
        let graphemes = TextSanitizer.graphemes(of: "a\t漢\u{1B}\u{9B}")
        XCTAssertEqual(graphemes, [
            DisplayGrapheme("a", width: 1), DisplayGrapheme("→", width: 1), DisplayGrapheme("漢", width: 2),
            DisplayGrapheme("␛", width: 1), DisplayGrapheme("·", width: 1),
        ])
        XCTAssertTrue(
            TextSanitizer.graphemes(of: "x\u{1B}[2J\u{7}").allSatisfy { !$0.text.unicodeScalars.contains { $0.value < 0x20 } },
            "no control character reaches the terminal")
    }

    func testWidthOfOneCharacter() {
        XCTAssertEqual(DisplayWidth.of(Character("漢")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("\u{200B}")), 0)
        XCTAssertTrue(DisplayWidth.isWide("中"))
        XCTAssertFalse(DisplayWidth.isWide("a"))
    }
}
