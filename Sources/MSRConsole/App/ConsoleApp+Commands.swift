import Foundation
import MSREngine
import MSRModel
import MSRStore

/// Carrying out commands: one switch over every command; the pane helpers are beside.
extension ConsoleApp {
    /// Does what `command` says; a failure becomes the message line, never a crash.
    public func perform(_ command: ConsoleCommand) {
        let shown = message
        do {
            try run(command)
            // An error from before is stale once a command works; a newer message stays.
            if let m = message, m.isError, let old = shown, old.since == m.since, old.text == m.text { message = nil }
        } catch {
            say(error)
        }
    }

    /// One exhaustive switch, no `default:`: a command without a handler does not compile.
    /// Whether it leaves live mode or quiets the highlights comes from its spec.
    private func run(_ command: ConsoleCommand) throws {
        guard let s = focusedSession else { return }
        let spec = command.name.spec
        if spec.moves { liveSessions.remove(s.id) }
        let before = s.playhead.seq
        switch command {
        case .togglePlay: s.togglePlay()
        case .play: s.play()
        case .pause: s.pause()
        case .faster: s.faster(); say("Speed \(s.playhead.speed.label)")
        case .slower: s.slower(); say("Speed \(s.playhead.speed.label)")
        case .setSpeed(let speed): s.setSpeed(speed); say("Speed \(speed.label)")
        case .reverse: s.reverse()
        case .stepForward: try step(s, forward: true)
        case .stepBack: try step(s, forward: false)
        case .jump(let seconds): try jump(s, seconds: seconds)
        case .jumpToFraction(let f): try s.seek(to: RoundTime.at(fraction: f, of: s.timeline))
        case .home: try s.seek(toSeq: 0)
        case .end: try s.seek(toSeq: s.timeline.lastSeq)
        case .goTo(let text): try s.seek(to: TimeSpec(parsing: text).resolve(start: s.timeline.start, end: s.timeline.end,
                                                                         current: s.playhead.time, zone: options.timeZone))
        case .nextChange: try change(s, forward: true)
        case .previousChange: try change(s, forward: false)
        case .live:
            liveSessions.insert(s.id)
            try s.timeline.refresh()
            try s.seek(toSeq: s.timeline.lastSeq)
            say("Live: following the end of the recording; any move leaves live mode, L returns.")
        case .loopStart: s.setLoopStart(); say("Loop from \(offsetText(s.playhead.time, s))")
        case .loopEnd: s.setLoopEnd(); say("Loop to \(offsetText(s.playhead.time, s))")
        case .loopClear: s.clearLoop(); say("Loop cleared")
        case .breakpoint(let text): try setBreakpoint(text, s)
        case .clearBreakpoint: s.breakpoint = nil; say("Breakpoint cleared")
        case .bookmark(let note): try addBookmark(note, s)
        case .nextBookmark: try bookmark(s, forward: true)
        case .previousBookmark: try bookmark(s, forward: false)
        // Panes (the helpers are in ConsoleApp+Panes)
        case .focusNext: cycleFocus(1)
        case .focusPrevious: cycleFocus(-1)
        case .splitVertical: try split(.vertical)
        case .splitHorizontal: try split(.horizontal)
        case .closePane: closeFocusedPane()
        case .growPane: layout = layout?.resizing(focusedPaneID, by: 0.05)
        case .shrinkPane: layout = layout?.resizing(focusedPaneID, by: -0.05)
        case .chooseTable(let name): try chooseTable(name)
        case .link(let text): try link(text)
        case .unlink: try unlink()
        case .open(let path): try open(path)
        case .filter(let text): try filter(text)
        case .clearFilter: focusedPane.map { p in p.setSpec(TableViewSpec(sortColumn: p.spec.sortColumn, descending: p.spec.descending)) }
        case .sort(let text): try sort(text)
        case .follow:
            focusedPane?.followKey = focusedPane?.selectedKey
            if let k = focusedPane?.followKey { say("Following \(k).") }
        case .unfollow: focusedPane?.followKey = nil
        case .scrollUp(let n): focusedPane?.moveSelection(by: -n)
        case .scrollDown(let n): focusedPane?.moveSelection(by: n)
        case .scrollLeft: focusedPane.map { $0.scrollColumn = max(0, $0.scrollColumn - 1) }
        case .scrollRight: focusedPane.map { p in p.scrollColumn = min(p.scrollColumn + 1, max(0, p.table.columns.count - p.table.keyColumns.count - 1)) }
        case .top: focusedPane?.selectedRow = 0
        case .bottom: focusedPane.map { $0.selectedRow = max(0, $0.rowCount - 1) }
        case .toggleMouse:
            mouseEnabled.toggle()
            say("Mouse \(mouseEnabled ? "on" : "off").")
        case .export(let text): try export(text)
        case .help: showsHelp = true; helpScroll = 0
        case .closeOverlay: showsHelp = false; prompt = nil
        case .prompt(let kind): prompt = PromptState(kind: kind, text: "")
        case .quit: stopExport(); saveLayoutQuietly(); shouldQuit = true
        }
        if spec.seeks && s.playhead.seq != before { quietPanes(of: s.id) }
    }

    /// The panes showing session `id` take their next frame without highlights.
    func quietPanes(of id: Int) {
        for p in panes.values where p.sessionID == id { p.quietNextFrame = true }
    }

    func offsetText(_ t: Timestamp, _ s: ReplaySession) -> String {
        Timestamp.formatOffset(t - s.timeline.start)
    }

    /// A jump past either end stops there; one given as a command value (a script, the
    /// engine's API) is held to what a typed one may be, so no size of jump can overflow.
    private func jump(_ s: ReplaySession, seconds: Double) throws {
        guard seconds.isFinite else { throw CommandError("A jump needs a number of seconds.") }
        let limit = CommandParser.maxJumpSeconds
        try s.jump(seconds: min(limit, max(-limit, seconds)))
    }

    private func step(_ s: ReplaySession, forward: Bool) throws {
        if !(try s.step(forward: forward)) { say(forward ? "At the last event." : "At the start.") }
    }

    private func setBreakpoint(_ text: String, _ s: ReplaySession) throws {
        guard let pane = focusedPane else { return }
        guard s.timeline === pane.recording.timeline else {
            throw CommandError("A breakpoint watches the session's own recording; unlink this pane first.")
        }
        let filter = try RowFilter(parsing: text, columns: pane.table.columns)
        s.breakpoint = EventBreakpoint(table: pane.table.id, filter: filter)
        say("Breakpoint: pause when a row of \(pane.table.name.name) matching '\(text)' changes.")
    }

    private func addBookmark(_ note: String, _ s: ReplaySession) throws {
        guard let pane = focusedPane else { return }
        let time = s.playhead.time + pane.offset
        let count = (try pane.recording.timeline.store.bookmarks().count) + 1
        let label = note.isEmpty ? "bookmark \(count)" : String(note.prefix(40))
        try pane.recording.writer().addBookmark(Bookmark(time: time, label: label, note: note))
        bookmarkRevision += 1
        say("Bookmarked \(label) at \(offsetText(time, s)).")
    }

    private func bookmark(_ s: ReplaySession, forward: Bool) throws {
        guard let pane = focusedPane else { return }
        let marks = try pane.recording.timeline.store.bookmarks()
        let now = s.playhead.time + pane.offset
        let target = forward ? marks.first { $0.time > now } : marks.last { $0.time < now }
        guard let b = target else {
            say(marks.isEmpty ? "No bookmarks yet; m adds one." : "No \(forward ? "later" : "earlier") bookmark.")
            return
        }
        try s.seek(to: b.time + -pane.offset)
        say(b.note.isEmpty || b.note == b.label ? b.label : b.note.hasPrefix(b.label) ? b.note : "\(b.label) — \(b.note)")
    }
}
