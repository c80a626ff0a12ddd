@testable import MSRConsole
import MSRTerminal
import XCTest

/// `?` shows every binding of the key table in an overlay that scrolls within its bounds.
final class HelpOverlayTests: XCTestCase {
    /// The whole help, read by scrolling the overlay down to its end.
    private func allHelpText(_ h: ConsoleHarness) -> String {
        var seen = h.text
        for _ in 0..<(HelpOverlay.lines().count) {
            h.press("down")
            seen += "\n" + h.text
        }
        return seen
    }

    func testHelpListsEveryBinding() throws {
        let h = try ConsoleHarness(width: 100, height: 40)
        h.press("?")
        XCTAssertTrue(h.app.showsHelp)
        h.assertScreen("help-overlay")
        let text = allHelpText(h)
        let helpWidth = try XCTUnwrap(HelpOverlay.frame(screen: h.surface.size)).helpWidth
        for b in KeyBindings.all {
            XCTAssertTrue(text.contains(KeyName.display(b.key)), "key \(b.key) missing")
            // Long descriptions wrap: each piece is on the screen.
            for piece in TextWrap.lines(b.help, width: helpWidth) {
                XCTAssertTrue(text.contains(piece), "help '\(b.help)' missing '\(piece)'")
            }
        }
        // The prompt's editing keys and the commands without a key come from their tables too.
        for e in PromptEdit.allCases {
            for piece in TextWrap.lines(e.helpWithKeys, width: helpWidth) { XCTAssertTrue(text.contains(piece), piece) }
        }
        for spec in HelpOverlay.namedOnly {
            XCTAssertTrue(text.contains(spec.name.rawValue), spec.name.rawValue)
        }
        h.press("end")
        h.assertScreen("help-overlay-end")
    }

    func testHelpScrollStaysWithinItsBounds() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("?")
        for _ in 0..<200 { h.runner.handle(.key(KeyPress(.down))) }
        h.settle()
        let bottom = h.text
        h.press("up")
        XCTAssertNotEqual(h.text, bottom, "one key up scrolls back at once, however far down was pressed")
        h.press("end")
        XCTAssertEqual(h.text, bottom)
        h.press("home")
        h.press("pagedown")
        XCTAssertNotEqual(h.text, bottom)
        h.press("esc")
        XCTAssertFalse(h.app.showsHelp)
        XCTAssertFalse(h.text.contains("keys —"))
    }

    func testKeysOtherThanHelpKeysDoNothingUnderTheOverlay() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("?", "space", "right")
        XCTAssertEqual(h.shownEvent, 11)
        XCTAssertEqual(h.app.focusedSession?.playhead.isPlaying, false)
        h.press("q")
        XCTAssertFalse(h.app.showsHelp)
        XCTAssertFalse(h.app.shouldQuit, "q closes the help, not the console")
    }
}
