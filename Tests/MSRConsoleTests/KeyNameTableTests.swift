@testable import MSRConsole
import MSRTerminal
import XCTest

/// Every key the key tables name is a key `KeyName` knows, both ways: the name reads as a
/// press, and that press is named the same again.
final class KeyNameTableTests: XCTestCase {
    private func assertKnown(_ key: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let press = KeyName.press(named: key) else {
            return XCTFail("\(what): '\(key)' is no key name", file: file, line: line)
        }
        XCTAssertEqual(KeyName.of(press), key, "\(what): '\(key)' does not name itself again", file: file, line: line)
        XCTAssertFalse(KeyName.display(key).isEmpty, file: file, line: line)
    }

    func testEveryBoundKeyIsKnown() {
        for b in KeyBindings.all { assertKnown(b.key, b.command.name.rawValue) }
    }

    func testEveryPromptKeyIsKnownAndBoundOnce() {
        for e in PromptEdit.allCases {
            XCTAssertFalse(e.keys.isEmpty, e.rawValue)
            for k in e.keys {
                assertKnown(k, e.rawValue)
                XCTAssertEqual(PromptKeys.edit(for: k), e, k)
            }
        }
        XCTAssertEqual(PromptKeys.conflicts, [])
        XCTAssertNil(PromptKeys.edit(for: "a"), "letters type themselves")
    }

    func testUnknownNamesAreRefused() {
        XCTAssertNil(KeyName.press(named: "shift-a"))
        XCTAssertNil(KeyName.press(named: "hyper-left"))
        XCTAssertNil(KeyName.press(named: "f99"))
    }
}
