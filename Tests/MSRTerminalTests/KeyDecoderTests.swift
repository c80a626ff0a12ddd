import MSRTerminal
import XCTest

final class KeyDecoderTests: XCTestCase {
    func testCharacters() {
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 0x71), .character("q"))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 0x20), .character(" "))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 0x5B), .character("["))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 0x6F22), .character("漢"))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 0x1F600), .character("😀"))
        XCTAssertNil(KeyDecoder.keyPress(forCharacter: 0xD800), "a lone surrogate is no key")
    }

    func testControlCharacters() {
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 9), KeyPress(.tab))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 13), KeyPress(.enter))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 10), KeyPress(.enter))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 27), KeyPress(.escape))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 127), KeyPress(.backspace))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 8), KeyPress(.backspace))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 3), .control("c"))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 12), .control("l"))
        XCTAssertEqual(KeyDecoder.keyPress(forCharacter: 0), .control(" "))
    }

    func testStandardKeyNames() {
        let expected: [String: KeyPress] = [
            "KEY_LEFT": KeyPress(.left), "KEY_RIGHT": KeyPress(.right), "KEY_UP": KeyPress(.up),
            "KEY_DOWN": KeyPress(.down), "KEY_HOME": KeyPress(.home), "KEY_END": KeyPress(.end),
            "KEY_PPAGE": KeyPress(.pageUp), "KEY_NPAGE": KeyPress(.pageDown), "KEY_DC": KeyPress(.delete),
            "KEY_BACKSPACE": KeyPress(.backspace), "KEY_ENTER": KeyPress(.enter), "KEY_BTAB": KeyPress(.backTab),
            "KEY_SLEFT": KeyPress(.left, .shift), "KEY_SRIGHT": KeyPress(.right, .shift),
            "KEY_SR": KeyPress(.up, .shift), "KEY_SF": KeyPress(.down, .shift),
            "KEY_SHOME": KeyPress(.home, .shift), "KEY_SEND": KeyPress(.end, .shift),
            "KEY_F(1)": KeyPress(.function(1)), "KEY_F(12)": KeyPress(.function(12)),
        ]
        for (name, key) in expected {
            XCTAssertEqual(KeyDecoder.keyPress(forKeyName: name), key, name)
        }
    }

    func testExtendedNamesCarryXtermModifiers() {
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kLFT2"), KeyPress(.left, .shift))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kLFT5"), KeyPress(.left, .control))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kRIT5"), KeyPress(.right, .control))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kLFT6"), KeyPress(.left, [.control, .shift]))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kRIT3"), KeyPress(.right, .alt))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kUP5"), KeyPress(.up, .control))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kDN6"), KeyPress(.down, [.control, .shift]))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kHOM5"), KeyPress(.home, .control))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kEND6"), KeyPress(.end, [.control, .shift]))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kNXT5"), KeyPress(.pageDown, .control))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kDC8"), KeyPress(.delete, [.control, .alt, .shift]))
        XCTAssertEqual(KeyDecoder.keyPress(forKeyName: "kUP"), KeyPress(.up, .shift), "no digit: Shift")
    }

    func testUnknownNamesAreNoKey() {
        XCTAssertNil(KeyDecoder.keyPress(forKeyName: "KEY_MOUSE"))
        XCTAssertNil(KeyDecoder.keyPress(forKeyName: "KEY_RESIZE"))
        XCTAssertNil(KeyDecoder.keyPress(forKeyName: "kLFT9"))
        XCTAssertNil(KeyDecoder.keyPress(forKeyName: "kxIN"))
        XCTAssertNil(KeyDecoder.keyPress(forKeyName: "UNKNOWN KEY"))
    }

    func testXtermSequencesForKeysTheTerminfoEntryLacks() {
        XCTAssertEqual(KeyDecoder.xtermSequence(for: .left, modifiers: .control), "\u{1B}[1;5D")
        XCTAssertEqual(KeyDecoder.xtermSequence(for: .right, modifiers: [.control, .shift]), "\u{1B}[1;6C")
        XCTAssertEqual(KeyDecoder.xtermSequence(for: .pageDown, modifiers: .shift), "\u{1B}[6;2~")
        XCTAssertNil(KeyDecoder.xtermSequence(for: .left, modifiers: []))
        XCTAssertNil(KeyDecoder.xtermSequence(for: .tab, modifiers: .shift))
    }

    func testDisplayNamesForHelp() {
        XCTAssertEqual(KeyPress(.right, .control).description, "Ctrl+→")
        XCTAssertEqual(KeyPress(.left, .shift).description, "Shift+←")
        XCTAssertEqual(KeyPress.character(" ").description, "Space")
        XCTAssertEqual(KeyPress.control("l").description, "Ctrl+l")
        XCTAssertEqual(KeyPress(.pageUp).description, "PgUp")
        XCTAssertEqual(KeyPress(.function(5)).description, "F5")
    }
}
