import Foundation
import MSRTestSupport
import XCTest

/// The real binary in a real terminal (tmux), for what only a terminal can show: open, play,
/// pause, speed, step, seek, split, modified arrows as terminals send them, SIGTERM and
/// Ctrl-C and q giving the terminal back, resize. The rest is tested on the in-memory screen.
final class ConsoleTmuxTests: XCTestCase {
    static let dir = TemporaryDirectory("msr-tmux")
    static var recording: String { dir.path("ex.msr") }

    override class func setUp() {
        super.setUp()
        _ = try? MSRBinary.run(["generate", "--out", recording, "--events", "30000", "--seed", "3", "--quiet"])
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: dir.url)
        super.tearDown()
    }

    private func open(width: Int = 160, height: Int = 48) throws -> TmuxSession {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed (make deps installs it)")
        let t = try TmuxSession(width: width, height: height)
        try t.run("\(MSRBinary.path) open \(Self.recording)")
        let s = t.waitForSettled { $0.contains("public.units") && $0.contains("/30000") }
        XCTAssertTrue(s.contains("public.units"), s)
        return t
    }

    /// The screen once the shell printed `exit-status-N` and its next prompt (the whole line
    /// written, not the command line that asks for it).
    private func waitForExitStatus(_ t: TmuxSession) -> String {
        t.waitForSettled { $0.range(of: #"exit-status-[0-9]+\n\$"#, options: .regularExpression) != nil }
    }

    /// The number after "event " in the header (padded with spaces to the last event's digits).
    private func eventNumber(_ screen: String) -> Int? {
        guard let r = screen.range(of: "event ") else { return nil }
        return Int(screen[r.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })
    }

    func testPlayPauseSpeedStepAndSeek() throws {
        let t = try open()
        // The default layout shows the busiest tables side by side.
        let first = t.screen()
        for table in ["public.units", "public.tracks", "public.orders"] { XCTAssertTrue(first.contains(table), first) }
        try t.send("]", "]", "]")
        XCTAssertTrue(t.waitForSettled { $0.contains("10x") }.contains("10x"))
        try t.send("Space")
        // Playing, the screen changes with every frame: it never settles.
        let playing = t.waitForHeld { ($0.contains("playing")) && (self.eventNumber($0) ?? 0) > 0 }
        XCTAssertTrue(playing.contains("▶ playing"), playing)
        try t.send("Space")
        // Paused means paused: the screen settles, on one event.
        let paused = t.waitForSettled { $0.contains("paused") }
        let at = try XCTUnwrap(eventNumber(paused))
        XCTAssertEqual(eventNumber(t.waitForSettled { $0.contains("paused") }), at, "paused means paused")
        try t.send("Right")
        XCTAssertEqual(eventNumber(t.waitForSettled { self.eventNumber($0) == at + 1 }), at + 1)
        try t.send("Left", "Left")
        XCTAssertEqual(eventNumber(t.waitForSettled { self.eventNumber($0) == at - 1 }), at - 1)
        try t.send("g")
        try t.type("+01:00:00")
        try t.send("Enter")
        let seeked = t.waitForSettled { $0.contains("+01:00:00.000") }
        XCTAssertTrue(seeked.contains("2026-03-14T09:00:00Z"), seeked)
        try t.send("r")
        try t.send("Space")
        let back = t.waitForHeld { $0.contains("◀ reverse") }
        XCTAssertTrue(back.contains("◀ reverse"), back)
        try t.send("Space", "q")
    }

    func testSplitLinkHelpAndQuitRestoresTheTerminal() throws {
        let t = try open()
        try t.send("?")
        // The overlay's title is drawn before its rows: only the settled screen is the overlay.
        let help = t.waitForSettled { $0.contains("keys —") }
        XCTAssertTrue(help.contains("play / pause"), help)
        try t.send("Escape")
        XCTAssertFalse(t.waitForSettled { !$0.contains("keys —") }.contains("keys —"))
        try t.send("|")
        XCTAssertTrue(t.waitForSettled { $0.contains("New pane") }.contains("New pane"))
        try t.send("l", "Enter")
        let unlinked = t.waitForSettled { $0.contains("Unlinked") }
        XCTAssertTrue(unlinked.contains("S1"), unlinked)
        XCTAssertTrue(unlinked.contains("2/8 sessions"), unlinked)
        try t.send("]", "Space")
        _ = t.waitForHeld { $0.contains("playing") }
        try t.send("Tab")
        // The other pane still plays, so the screen never settles.
        let other = t.waitForHeld { $0.contains("S0 ·") }
        XCTAssertTrue(other.contains("paused"), "the linked panes' session did not start: \(other)")
        try t.send("q")
        let shell = t.waitForSettled { $0.contains("$") && !$0.contains("public.units") }
        XCTAssertFalse(shell.contains("public.units"), shell)
        try t.run("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon; echo stty-done-$((1+1))")
        let stty = t.waitForSettled { $0.contains("stty-done-2") }
        XCTAssertTrue(stty.contains("\necho") || stty.contains("echo\n"), stty)
    }

    func testResizeAndTinyTerminals() throws {
        let t = try open(width: 120, height: 40)
        try t.resize(width: 60, height: 20)
        XCTAssertTrue(t.waitForSettled { $0.contains("public.") && $0.split(separator: "\n").count <= 20 }.contains("public."))
        try t.resize(width: 30, height: 10)
        let tiny = t.waitForSettled { $0.contains("at least") }
        XCTAssertTrue(tiny.contains("40×12"), tiny)
        try t.resize(width: 100, height: 30)
        XCTAssertTrue(t.waitForSettled { $0.contains("public.units") }.contains("public.units"))
        try t.send("q")
        _ = t.waitForSettled { !$0.contains("public.units") }
    }

    /// The header's offset from the start (`+00:01:11.000`).
    private func offset(_ screen: String) -> String? {
        guard let r = screen.range(of: #"\+\d\d:\d\d:\d\d\.\d\d\d"#, options: .regularExpression) else { return nil }
        return String(screen[r])
    }

    /// Modified arrows as a real terminal sends them (xterm's `ESC [ 1 ; 2 C` and so on),
    /// which only a terminal can produce: shift 1 s, ctrl 10 s, ctrl-shift and alt 1 min.
    func testShiftCtrlAndAltArrowsJump() throws {
        let t = try open()
        let steps: [(String, String)] = [
            ("S-Right", "+00:00:01.000"), ("C-Right", "+00:00:11.000"), ("C-S-Right", "+00:01:11.000"),
            ("M-Left", "+00:00:11.000"), ("C-Left", "+00:00:01.000"), ("S-Left", "+00:00:00.000"),
        ]
        for (key, expected) in steps {
            try t.send(key)
            let s = t.waitForSettled { self.offset($0) == expected }
            XCTAssertEqual(offset(s), expected, "after \(key): \(s.split(separator: "\n").first ?? "")")
        }
        try t.send("q")
    }

    /// SIGTERM while the console runs: the terminal is given back with echo and line
    /// editing on, the screen is the shell's again.
    func testSigtermGivesTheTerminalBack() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed (make deps installs it)")
        let t = try TmuxSession(width: 120, height: 40)
        let pidFile = Self.dir.path("msr-\(UUID().uuidString.prefix(6)).pid")
        try t.run("sh -c 'echo $$ > \(pidFile); exec \(MSRBinary.path) open \(Self.recording)'; echo exit-status-$?")
        XCTAssertTrue(t.waitForSettled { $0.contains("public.units") }.contains("public.units"))
        let text = try XCTUnwrap(try? String(contentsOfFile: pidFile, encoding: .utf8))
        let pid = try XCTUnwrap(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        let shell = t.waitForSettled { $0.contains("exit-status-") }
        XCTAssertFalse(shell.contains("public.units"), "the console's screen is gone: \(shell)")
        try t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo stty-done-$((1+1))")
        let screen = t.waitForSettled { $0.contains("stty-done-2") }
        // The output line, not the command line typed above it.
        let stty = screen.split(separator: "\n").first { $0.contains("stty-done-2") && !$0.contains("grep") }.map(String.init) ?? screen
        XCTAssertTrue(stty.contains("icanon echo") || stty.contains("echo icanon"), stty)
        XCTAssertFalse(stty.contains("-echo") || stty.contains("-icanon"), stty)
        // Typed text shows again (echo), and a line runs on Enter (canonical mode).
        try t.run("echo typed-$((40+2))")
        XCTAssertTrue(t.waitForSettled { $0.contains("typed-42") }.contains("echo typed-$((40+2))"))
    }

    /// Ctrl-C quits cleanly, as q does, with the status a shell expects of it (130).
    func testCtrlCQuitsAndGivesTheTerminalBack() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed (make deps installs it)")
        let t = try TmuxSession(width: 100, height: 30)
        try t.run("\(MSRBinary.path) open \(Self.recording); echo exit-status-$?")
        XCTAssertTrue(t.waitForSettled { $0.contains("public.units") && $0.contains("/30000") }.contains("public.units"))
        try t.send("C-c")
        let shell = waitForExitStatus(t)
        XCTAssertFalse(shell.contains("public.units"), shell)
        XCTAssertTrue(shell.contains("exit-status-130"), shell)
        try t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e -echo -e -icanon | wc -l | tr -d ' ' | sed 's/^/off-/'")
        XCTAssertTrue(t.waitForSettled { $0.contains("off-0") }.contains("off-0"), t.screen())
    }

    /// A long paste into a prompt is taken whole: the line's end shows and Enter applies it.
    func testAPasteOf2000CharactersIntoAPrompt() throws {
        let t = try open(width: 160, height: 48)
        try t.send("/")
        XCTAssertTrue(t.waitForSettled { $0.contains("filter (text") }.contains("filter (text"))
        try t.type(String(repeating: "alpha ", count: 333) + "zz")
        let shown = t.waitForSettled { $0.split(separator: "\n").last?.hasSuffix("alpha zz") == true }
        XCTAssertTrue(shown.split(separator: "\n").last?.hasSuffix("alpha zz") == true, shown)
        try t.send("Enter")
        let filtered = t.waitForSettled { $0.contains("· /alpha alpha") }
        XCTAssertTrue(filtered.contains("· /alpha alpha"), "the filter is applied: \(filtered)")
        try t.send("q")
    }

    /// q still ends with status 0.
    func testQuitEndsWithStatusZero() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed (make deps installs it)")
        let t = try TmuxSession(width: 100, height: 30)
        try t.run("\(MSRBinary.path) open \(Self.recording); echo exit-status-$?")
        XCTAssertTrue(t.waitForSettled { $0.contains("public.units") && $0.contains("/30000") }.contains("public.units"))
        try t.send("q")
        XCTAssertTrue(waitForExitStatus(t).contains("exit-status-0"), t.screen())
    }

    /// A terminal that cannot place the cursor gets one sentence and status 1, not a blank screen.
    func testDumbTerminalIsRefused() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed (make deps installs it)")
        let t = try TmuxSession(width: 160, height: 30)
        try t.run("TERM=dumb \(MSRBinary.path) open \(Self.recording); echo exit-status-$?")
        let shell = waitForExitStatus(t)
        XCTAssertTrue(shell.contains("exit-status-1\n"), shell)
        XCTAssertTrue(shell.contains("cannot move the cursor"), shell)
        XCTAssertFalse(shell.contains("public.units"), shell)
    }

    /// A theme that cannot be read is said on the console's screen, not hidden behind it.
    func testThemeProblemIsShownOnScreen() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed (make deps installs it)")
        let t = try TmuxSession(width: 160, height: 30)
        try t.run("\(MSRBinary.path) open \(Self.recording) --theme no-such-theme")
        let s = t.waitForSettled { $0.contains("public.units") && $0.contains("using the default theme") }
        XCTAssertTrue(s.contains("using the default theme"), s)
        try t.send("q")
    }

    func testRecordingThatCannotBeOpenedIsReportedBeforeTheScreenIsTaken() throws {
        let r = try MSRBinary.run(["open", Self.dir.path("missing.msr")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("No recording at"), r.stderr)
    }
}
