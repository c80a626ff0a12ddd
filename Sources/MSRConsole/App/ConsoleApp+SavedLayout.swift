import Foundation
import MSREngine
import MSRModel
import MSRStore

/// The layout of panes, their tables, filters, sorts and links, saved in the recording so the
/// next opening shows the same screen.
struct SavedLayout: Codable {
    struct SavedPane: Codable {
        var id: Int
        var table: String
        var linked: Bool
        var offset: Int64
        var filter: String?
        var sort: String?
        var descending: Bool
    }

    var version = 1
    var panes: [SavedPane]
    var layout: PaneLayout
    var focused: Int

    static let metaKey = "console.layout"
}

extension ConsoleApp {
    /// Writes the layout into the recording; panes of other recordings are left out.
    public func saveLayout() throws {
        guard let primary = recordings.first, let layout else { return }
        var saved: [SavedLayout.SavedPane] = []
        var tree: PaneLayout? = layout
        for id in layout.paneIDs {
            guard let p = panes[id], p.recording === primary else {
                tree = tree?.removing(id)
                continue
            }
            saved.append(SavedLayout.SavedPane(
                id: id, table: p.table.name.qualified, linked: p.isLinked, offset: p.offset,
                filter: p.spec.filter?.description, sort: p.spec.sortColumn.map { p.table.columns[$0].name },
                descending: p.spec.descending))
        }
        guard let tree else { return }
        let data = try JSONEncoder().encode(SavedLayout(panes: saved, layout: tree, focused: focusedPaneID))
        try primary.writer().setMetaValue(SavedLayout.metaKey, String(decoding: data, as: UTF8.self))
    }

    func saveLayoutQuietly() {
        do { try saveLayout() } catch { /* a read-only recording keeps no layout; nothing is lost */ }
    }

    /// Rebuilds the saved layout; false when there is none or it no longer fits the recording.
    func restoreLayout(_ recording: RecordingHandle) throws -> Bool {
        guard let json = try recording.timeline.store.metaValue(SavedLayout.metaKey),
              let saved = try? JSONDecoder().decode(SavedLayout.self, from: Data(json.utf8)),
              saved.version == 1, !saved.panes.isEmpty else { return false }
        var idMap: [Int: Int] = [:]
        var built: [(Pane, SavedLayout.SavedPane)] = []
        for sp in saved.panes {
            guard let table = try? recording.summary.table(named: sp.table) else { return false }
            var sessionID = Self.sharedSession
            if !sp.linked {
                let s = ReplaySession(id: nextSessionID, timeline: recording.timeline, clock: clock)
                try s.seek(to: recording.timeline.start)
                sessions[s.id] = s
                sessionID = s.id
                nextSessionID += 1
            }
            let pane = addPane(recording: recording, table: table, sessionID: sessionID)
            pane.offset = sp.offset
            idMap[sp.id] = pane.id
            built.append((pane, sp))
        }
        for (pane, sp) in built {
            var spec = TableViewSpec(descending: sp.descending)
            if let f = sp.filter { spec.filter = try? RowFilter(parsing: f, columns: pane.table.columns) }
            if let s = sp.sort { spec.sortColumn = pane.table.columnIndex(named: s) }
            pane.setSpec(spec)
        }
        layout = saved.layout.renumbered(idMap)
        focusedPaneID = idMap[saved.focused] ?? built[0].0.id
        return true
    }
}

extension PaneLayout {
    /// The same tree with pane ids replaced (ids missing from `map` are dropped).
    func renumbered(_ map: [Int: Int]) -> PaneLayout? {
        switch self {
        case .pane(let id): return map[id].map { .pane($0) }
        case .split(let axis, let ratio, let a, let b):
            let na = a.renumbered(map), nb = b.renumbered(map)
            guard let na, let nb else { return na ?? nb }
            return .split(axis, ratio: ratio, na, nb)
        }
    }
}
