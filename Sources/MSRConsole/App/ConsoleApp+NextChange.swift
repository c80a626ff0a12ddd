import MSREngine
import MSRModel
import MSRStore

/// n and N: the next or previous change of the focused pane's table that the pane would
/// show (a filtered pane skips changes to rows its filter hides), with that row selected.
extension ConsoleApp {
    /// Events looked at before n / N gives up on a filter nothing matches.
    static let changeScanLimit = 100_000

    func change(_ s: ReplaySession, forward: Bool) throws {
        guard let pane = focusedPane else { return }
        let current = try plan(for: pane).seq
        let store = pane.recording.timeline.store
        let filter = pane.spec.filter
        var from = forward ? current : current + 1
        var found: ChangeEvent?
        for _ in 0..<Self.changeScanLimit {
            guard let e = try store.adjacentEvent(table: pane.table.id, from: from, forward: forward) else { break }
            if filter.map({ Self.shows(e, $0) }) ?? true { found = e; break }
            from = e.seq
        }
        guard let e = found else {
            let what = filter == nil ? "change" : "change matching the filter"
            say("No \(forward ? "later" : "earlier") \(what) in \(pane.table.name.qualified).")
            return
        }
        s.pause()
        let seq = forward ? e.seq : e.seq - 1
        if s.timeline === pane.recording.timeline && pane.offset == 0 {
            try s.seek(toSeq: seq)
        } else {
            try s.seek(to: try pane.recording.timeline.time(ofSeq: seq) + -pane.offset)
        }
        pane.reveal = (e.key, seq)
    }

    /// Whether a filtered pane shows the row before or after the event (a truncate it always does).
    static func shows(_ e: ChangeEvent, _ filter: RowFilter) -> Bool {
        e.op == .truncate || (e.before.map(filter.matches) ?? false) || (e.after.map(filter.matches) ?? false)
    }
}
