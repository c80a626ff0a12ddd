@testable import MSRConsole
import MSRTerminal
import XCTest

/// A long paste into a prompt: every key already waiting is taken before the screen is
/// drawn again, and the line shows its end with the cursor, however long it is.
final class PromptPasteTests: XCTestCase {
    func testAPasteOf2000CharactersIsTakenInOneFrame() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let input = try XCTUnwrap(h.runner.input as? QueuedInput)
        let pasted = String(repeating: "side=RED ", count: 222) + "st"
        XCTAssertEqual(pasted.count, 2000)
        input.append(.key(KeyPress(.character("/"))))
        for c in pasted { input.append(.key(KeyPress(.character(c)))) }
        let framesBefore = h.runner.frameTimes.count
        h.runner.step()
        XCTAssertEqual(h.app.prompt?.text, pasted)
        XCTAssertEqual(h.runner.frameTimes.count, framesBefore + 1, "drawn once for the whole paste")
        XCTAssertTrue(input.isEmpty)
        // The line's end is shown, with the cursor after it.
        let bottom = h.bottomLine
        XCTAssertTrue(bottom.hasSuffix("side=RED st"), bottom)
        // Tab completes the last word (status) on the long line too.
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text.suffix(6), "status")
        h.press("ctrl-w")
        XCTAssertEqual(h.app.prompt?.text.count, 1998)
        h.press("home", "delete")
        XCTAssertEqual(h.app.prompt?.text.first, "i")
        h.press("esc")
        XCTAssertNil(h.app.prompt)
    }

    func testALongLineShowsTheCursorsNeighbourhood() throws {
        let h = try ConsoleHarness(width: 60, height: 20)
        h.press("/")
        h.type(String(repeating: "a", count: 500) + "XYZ" + String(repeating: "b", count: 500))
        for _ in 0..<500 { h.runner.handle(.key(KeyPress(.left))) }
        h.settle()
        let line = h.bottomLine
        XCTAssertTrue(line.hasSuffix("aaaXYZb"), "the text up to the cursor, then the character under it: \(line)")
        let cursor = try XCTUnwrap(h.locate("XYZ", row: 19))
        XCTAssertTrue(h.style(at: (cursor.x + 3, 19)).attributes.contains(.reverse), "the cursor on the first b")
    }
}

/// Tab in the table prompt lists each table once.
final class TableCompletionTests: XCTestCase {
    func testEachTableIsListedOnce() throws {
        let h = try ConsoleHarness(width: 160, height: 30)
        h.press("t", "tab")
        let listed = try XCTUnwrap(h.app.prompt?.completions)
        XCTAssertEqual(listed, ["alerts", "notes", "orders", "tracks", "units"])
        h.type("ops.")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.completions, ["ops.alerts", "ops.notes", "ops.orders", "ops.tracks", "ops.units"])
        h.type("tr")
        h.press("tab")
        XCTAssertEqual(h.app.prompt?.text, "ops.tracks")
        h.press("enter")
        XCTAssertEqual(h.app.focusedPane?.table.name.name, "tracks")
    }
}
