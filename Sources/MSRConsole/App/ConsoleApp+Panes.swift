import Foundation
import MSREngine
import MSRModel
import MSRStore

/// What commands about panes do: focus, splitting, closing, tables, links, filters (the
/// switch over commands is `ConsoleApp.run`).
extension ConsoleApp {
    func cycleFocus(_ step: Int) {
        guard let ids = layout?.paneIDs, !ids.isEmpty else { return }
        let i = ids.firstIndex(of: focusedPaneID) ?? 0
        focusedPaneID = ids[(i + step + ids.count) % ids.count]
    }

    func split(_ axis: PaneLayout.Axis) throws {
        guard let current = focusedPane else { return }
        let pane = addPane(recording: current.recording, table: current.table, sessionID: current.sessionID)
        pane.offset = current.offset
        layout = layout?.splitting(current.id, axis, newID: pane.id) ?? .pane(pane.id)
        focusedPaneID = pane.id
        say("New pane on \(current.table.name.name); t chooses its table, l unlinks it.")
    }

    /// Closes the focused pane; its session ends when no other pane uses it.
    func closeFocusedPane() {
        guard panes.count > 1, let pane = focusedPane else {
            say("The last pane stays; q quits.")
            return
        }
        let next = layout?.neighbour(of: pane.id)
        panes[pane.id] = nil
        layout = layout?.removing(pane.id)
        if pane.sessionID != Self.sharedSession && !panes.values.contains(where: { $0.sessionID == pane.sessionID }) {
            sessions[pane.sessionID] = nil
            liveSessions.remove(pane.sessionID)
        }
        focusedPaneID = next ?? layout?.paneIDs.first ?? 0
        say("Closed \(pane.table.name.name).")
    }

    func chooseTable(_ name: String) throws {
        guard let pane = focusedPane else { return }
        let table = try pane.recording.summary.table(named: name)
        pane.show(table: table)
        say("Showing \(table.name.qualified).")
    }

    /// Links the pane to the shared clock (with an offset), or toggles the link when `text`
    /// is empty.
    func link(_ text: String) throws {
        guard let pane = focusedPane else { return }
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty && pane.isLinked { return try unlink() }
        guard let shared = sessions[Self.sharedSession] else { return }
        var offset: Int64 = 0
        if t == "start" {
            offset = pane.recording.timeline.start - shared.timeline.start
        } else if !t.isEmpty {
            let negative = t.hasPrefix("-")
            let body = negative || t.hasPrefix("+") ? String(t.dropFirst()) : t
            let micros: Int64
            switch try TimeSpec(parsing: "+" + body) {
            case .offset(let m), .relative(let m): micros = m
            case .absolute, .timeOfDay:
                throw CommandError("'\(t)' is not an offset; give one such as +00:05:00, -90s or +10m, or start.")
            }
            offset = negative ? -micros : micros
        }
        let old = pane.sessionID
        pane.sessionID = Self.sharedSession
        pane.offset = offset
        if old != Self.sharedSession && !panes.values.contains(where: { $0.sessionID == old }) { sessions[old] = nil }
        say("Linked to the shared clock" + (offset == 0 ? "." : " at \(Timestamp.formatOffset(offset))."))
    }

    func unlink() throws {
        guard let pane = focusedPane, pane.isLinked else { return }
        guard activeSessionCount < options.maxSessions else {
            throw CommandError("\(options.maxSessions) replay sessions are running, the limit; close a pane or link one first.")
        }
        let s = ReplaySession(id: nextSessionID, timeline: pane.recording.timeline, clock: clock)
        nextSessionID += 1
        let p = try plan(for: pane)
        try s.seek(toSeq: p.seq)
        s.setSpeed(sessions[Self.sharedSession]?.playhead.speed ?? .realTime)
        sessions[s.id] = s
        pane.sessionID = s.id
        pane.offset = 0
        say("Unlinked: this pane is session \(s.id), with its own time, speed and play state.")
    }

    func open(_ path: String) throws {
        guard let opener = options.openRecording else { throw CommandError("Opening recordings is not available here.") }
        guard activeSessionCount < options.maxSessions else {
            throw CommandError("\(options.maxSessions) replay sessions are running, the limit; close a pane first.")
        }
        let recording = try opener(path)
        guard let table = try recording.busiestTables(limit: 1).first else { throw CommandError("\(path) has no tables.") }
        recordings.append(recording)
        let s = ReplaySession(id: nextSessionID, timeline: recording.timeline, clock: clock)
        nextSessionID += 1
        try s.seek(to: recording.timeline.start)
        sessions[s.id] = s
        let pane = addPane(recording: recording, table: table, sessionID: s.id)
        layout = layout?.splitting(focusedPaneID, .vertical, newID: pane.id) ?? .pane(pane.id)
        focusedPaneID = pane.id
        say("Opened \(recording.name) as session \(s.id); l links it to the shared clock (l start aligns the starts).")
    }

    func filter(_ text: String) throws {
        guard let pane = focusedPane else { return }
        let f = try RowFilter(parsing: text, columns: pane.table.columns)
        pane.setSpec(TableViewSpec(filter: f, sortColumn: pane.spec.sortColumn, descending: pane.spec.descending))
        pane.selectedRow = 0
        pane.scrollRow = 0
    }

    func sort(_ text: String) throws {
        guard let pane = focusedPane else { return }
        let t = text.trimmingCharacters(in: .whitespaces)
        let descending = t.hasPrefix("-")
        let name = descending ? String(t.dropFirst()) : t
        var spec = pane.spec
        if name.isEmpty || name == "key" {
            spec.sortColumn = nil
            spec.descending = descending
        } else {
            guard let c = pane.table.columns.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw CommandError("There is no column '\(name)'; the columns are " + pane.table.columns.map(\.name).joined(separator: ", ") + ".")
            }
            spec.sortColumn = c
            spec.descending = descending
        }
        pane.setSpec(spec)
    }
}
