@testable import MSRConsole
import MSREngine
import MSRTerminal
import MSRTestSupport
import XCTest

/// `m` bookmarks the moment with a note (kept in the recording, marked ▼ on the timeline),
/// `'` and `"` go to the next and previous bookmark.
final class BookmarkTests: XCTestCase {
    func testBookmarkAppearsOnTheTimelineAtOnce() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.perform(.goTo("+00:05:00"))
        h.press("m")
        XCTAssertTrue(h.bottomLine.contains("bookmark note"), h.bottomLine)
        h.type("first contact")
        h.press("enter")
        XCTAssertTrue(h.bottomLine.contains("Bookmarked first contact at +00:05:00.000."), h.bottomLine)
        // Half way along the strip (columns 1…98): column 1 + round(97 × 0.5).
        let strip = 27
        XCTAssertEqual(h.surface.cell(at: 50, strip)?.text, "┃", "the playhead is on it")
        h.perform(.goTo("+00:00:00"))
        XCTAssertEqual(h.surface.cell(at: 50, strip)?.text, "▼")
        XCTAssertEqual(h.surface.style(at: 50, strip).foreground, h.theme[.bookmark].foreground)
        XCTAssertEqual(h.surface.cell(at: 1, strip)?.text, "┃")
        XCTAssertEqual(h.surface.style(at: 1, strip).foreground, h.theme[.playhead].foreground)
        h.assertScreen("bookmark-on-timeline")
    }

    /// A note longer than a label: the console labels it with its start, and `msr info` and
    /// the console print the note once, whole.
    func testALongNoteIsPrintedOnceByInfo() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        let note = "first contact at the northern bridge, reported by BLUE-ALPHA"
        h.perform(.goTo("+00:05:00"))
        h.perform(.bookmark(note))
        let info = try MSRBinary.run(["info", h.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertEqual(info.stdout.components(separatedBy: "first contact").count - 1, 1, info.stdout)
        XCTAssertTrue(info.stdout.contains(note), info.stdout)
        h.perform(.home)
        h.press("'")
        XCTAssertEqual(h.bottomLine.components(separatedBy: "first contact").count - 1, 1, h.bottomLine)
        // A short note is its own label, once.
        h.perform(.goTo("+00:06:00"))
        h.perform(.bookmark("recon"))
        let again = try MSRBinary.run(["info", h.path]).stdout
        XCTAssertEqual(again.components(separatedBy: "recon").count - 1, 1, again)
    }

    func testNextAndPreviousBookmark() throws {
        let h = try ConsoleHarness(width: 100, height: 30)
        h.press("'")
        XCTAssertTrue(h.bottomLine.contains("No bookmarks yet; m adds one."), h.bottomLine)
        h.perform(.goTo("+00:02:00"))
        h.perform(.bookmark("recon"))
        h.perform(.goTo("+00:07:00"))
        h.perform(.bookmark(""))
        h.perform(.home)
        h.press("'")
        XCTAssertTrue(h.header.contains("+00:02:00.000"), h.header)
        XCTAssertTrue(h.bottomLine.contains("recon"), h.bottomLine)
        h.press("'")
        XCTAssertTrue(h.header.contains("+00:07:00.000"), h.header)
        XCTAssertTrue(h.bottomLine.contains("bookmark 2"), h.bottomLine)
        h.press("'")
        XCTAssertTrue(h.bottomLine.contains("No later bookmark."), h.bottomLine)
        h.press("\"")
        XCTAssertTrue(h.header.contains("+00:02:00.000"), h.header)
    }
}
