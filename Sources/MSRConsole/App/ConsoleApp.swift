import Foundation
import MSREngine
import MSRModel
import MSRStore

/// The replay console's state and behaviour, apart from any terminal: recordings, sessions,
/// panes and their layout, focus, prompt and overlays. Commands change it; `tick()` moves
/// playing sessions and pulls frames; views draw it.
public final class ConsoleApp {
    public let clock: ReplayClock
    public var options: ConsoleOptions
    public internal(set) var recordings: [RecordingHandle] = []
    public internal(set) var sessions: [Int: ReplaySession] = [:]
    public internal(set) var panes: [Int: Pane] = [:]
    public internal(set) var layout: PaneLayout?
    public internal(set) var focusedPaneID = 0
    public internal(set) var prompt: PromptState?
    public internal(set) var showsHelp = false
    public internal(set) var helpScroll = 0
    public internal(set) var message: ConsoleMessage?
    public internal(set) var mouseEnabled: Bool
    public internal(set) var shouldQuit = false
    /// Whether the console ended on Ctrl-C (the shell is then told 130, as for SIGINT).
    public internal(set) var wasInterrupted = false
    /// Sessions following a live capture's end.
    public internal(set) var liveSessions: Set<Int> = []
    var lastRefresh = 0.0
    /// What each prompt was given before, oldest first (Up recalls them).
    public internal(set) var promptHistory: [ConsoleCommand.PromptKind: [String]] = [:]
    /// Counts bookmarks added here, so the timeline shows a new one at once.
    public internal(set) var bookmarkRevision = 0
    var nextPaneID = 1
    /// The breakpoint hit each session's message has told of, so it is told once and later
    /// messages are not covered by it again.
    var announcedBreakpointHits: [Int: Int64] = [:]
    /// The events export running in the background, if any.
    var exportJob: EventExportJob?
    /// A question the next key answers (exporting the whole recording).
    var confirmation: Confirmation?
    /// What the message line asks, while a question waits for its answer.
    public var question: String? { confirmation?.question }
    var nextSessionID = 1

    /// The shared clock, which linked panes follow.
    public static let sharedSession = 0

    public init(recording: RecordingHandle, clock: ReplayClock = SystemClock(), options: ConsoleOptions = ConsoleOptions()) throws {
        self.clock = clock
        self.options = options
        self.mouseEnabled = options.mouse
        recordings = [recording]
        let shared = ReplaySession(id: Self.sharedSession, timeline: recording.timeline, clock: clock)
        sessions[Self.sharedSession] = shared
        if !(try restoreLayout(recording)) {
            let tables = try recording.busiestTables(limit: options.defaultPanes)
            var ids: [Int] = []
            for t in tables { ids.append(addPane(recording: recording, table: t, sessionID: Self.sharedSession).id) }
            layout = PaneLayout.grid(ids)
            focusedPaneID = ids.first ?? 0
        }
        try shared.seek(to: recording.timeline.start)
        if recording.isBeingCaptured {
            liveSessions.insert(Self.sharedSession)
            try shared.seek(toSeq: recording.timeline.lastSeq)
            say("Live: this recording is being captured; the playhead follows now. Any move scrubs history, L returns.")
        }
    }

    @discardableResult
    func addPane(recording: RecordingHandle, table: TableSchema, sessionID: Int) -> Pane {
        let pane = Pane(id: nextPaneID, recording: recording, table: table, sessionID: sessionID)
        nextPaneID += 1
        panes[pane.id] = pane
        return pane
    }

    public var focusedPane: Pane? { panes[focusedPaneID] }

    public var focusedSession: ReplaySession? {
        focusedPane.flatMap { sessions[$0.sessionID] } ?? sessions[Self.sharedSession]
    }

    public func session(of pane: Pane) -> ReplaySession? { sessions[pane.sessionID] }

    /// Sessions in use by some pane (and the shared clock).
    public var activeSessionCount: Int { Set(panes.values.map(\.sessionID)).union([Self.sharedSession]).count }

    /// The position a pane shows: its session's playhead, moved by its offset and carried into
    /// its own recording when that is not the session's.
    public func plan(for pane: Pane) throws(RecordingError) -> FeedPlan {
        guard let s = sessions[pane.sessionID] else { throw .storage(path: pane.recording.path, detail: "the pane has no session") }
        var seq = s.playhead.seq
        if pane.offset != 0 || s.timeline !== pane.recording.timeline {
            seq = try pane.recording.timeline.seq(atOrBefore: s.playhead.time + pane.offset)
        }
        var plan = FeedPlan(s.playhead, seq: seq, tickInterval: options.tickInterval)
        plan.time = s.playhead.time + pane.offset
        return plan
    }

    /// Moves playing sessions and pulls new frames into panes; returns whether anything changed.
    @discardableResult
    public func tick() -> Bool {
        var changed = false
        let now = clock.now
        if now - lastRefresh >= 1 {
            lastRefresh = now
            changed = refreshRecordings() || changed
        }
        for (id, s) in sessions {
            do {
                if liveSessions.contains(id) {
                    try s.timeline.refresh()
                    if s.playhead.seq != s.timeline.lastSeq { try s.seek(toSeq: s.timeline.lastSeq); changed = true }
                } else if try s.tick() {
                    changed = true
                }
                if let hit = s.breakpointHit {
                    if !s.playhead.isPlaying, announcedBreakpointHits[id] != hit.seq {
                        announcedBreakpointHits[id] = hit.seq
                        say("Breakpoint: event \(hit.seq) (\(hit.op.name)) matched; paused.")
                    }
                } else {
                    announcedBreakpointHits[id] = nil
                }
            } catch {
                say(error)
                s.pause()
            }
        }
        for pane in panes.values {
            do {
                if pane.update(plan: try plan(for: pane), now: now) { changed = true }
                pane.highlights.expire(at: now)
                // Said once, so the message can expire like any other.
                if let e = pane.feed.error, message?.text != String(describing: e) { say(e) }
            } catch {
                say(error)
            }
        }
        if reportExport() { changed = true }
        if let m = message, now - m.since > (m.isError ? 8 : 4), exportJob == nil { message = nil; changed = true }
        return changed
    }

    /// Whether any session is playing or following live, or an export is running (the loop
    /// should keep ticking).
    public var isAnimating: Bool {
        exportJob != nil || !liveSessions.isEmpty || sessions.values.contains { $0.playhead.isPlaying }
            || panes.values.contains { !$0.highlights.marks.isEmpty }
    }

    /// Picks up what a capture added since the last look: new events extend the timelines,
    /// new columns reach the panes.
    private func refreshRecordings() -> Bool {
        var changed = false
        for r in recordings {
            let before = r.timeline.lastSeq
            do { try r.timeline.refresh() } catch { say(error); continue }
            if r.timeline.lastSeq != before { changed = true }
            for pane in panes.values where pane.recording === r {
                if let newer = r.summary.table(id: pane.table.id), newer != pane.table {
                    pane.refreshSchema(newer)
                    changed = true
                }
            }
        }
        return changed
    }

    /// Answers the waiting question: yes does what it asked, anything else cancels it.
    public func answer(yes: Bool) {
        guard let c = confirmation else { return }
        confirmation = nil
        guard yes else { return say("Cancelled.") }
        do { try c.onYes() } catch { say(error) }
    }

    /// Shows a problem found before the screen was taken (a theme that could not be read), so
    /// it is seen rather than lost behind the console's screen.
    public func warn(_ text: String) {
        say(text, error: true)
    }

    func say(_ text: String, error: Bool = false) {
        message = ConsoleMessage(text: text, isError: error, since: clock.now)
    }

    func say(_ error: any Error) {
        say(String(describing: error), error: true)
    }
}
