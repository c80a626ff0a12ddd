import MSREngine
import MSRModel

/// A pane's title: the table, where the selection is (or how many rows there are, when the
/// pane is not focused), the filter and sort, the link, and the followed row.
struct GridTitle {
    let app: ConsoleApp
    let pane: Pane
    let focused: Bool
    var hiddenPanes = 0

    var parts: [String] {
        var parts = [pane.table.name.qualified]
        // Another recording's pane says so first: that is what tells two such panes apart.
        if pane.recording !== app.recordings.first { parts[0] += " @" + pane.recording.name }
        if hiddenPanes > 0, let i = app.layout?.paneIDs.firstIndex(of: pane.id) {
            // The other panes are hidden on a small screen: say which one this is.
            parts.append("pane \(i + 1)/\(hiddenPanes + 1)")
        }
        let count = pane.rowCount
        if count == 0 {
            parts.append("0 rows")
        } else if focused {
            parts.append("row \(min(pane.selectedRow, count - 1) + 1) of \(count)")
        } else {
            parts.append(count == 1 ? "1 row" : "\(count) rows")
        }
        if let f = pane.spec.filter { parts.append("/\(f.description)") }
        if let c = pane.spec.sortColumn {
            parts.append("sort \(pane.table.columns[c].name) \(pane.spec.descending ? "↓" : "↑")")
        } else if pane.spec.descending {
            parts.append("key ↓")
        }
        parts.append(pane.isLinked ? (pane.offset == 0 ? "linked" : "linked \(Timestamp.formatOffset(pane.offset))") : "S\(pane.sessionID)")
        if let k = pane.followKey { parts.append("following \(k)") }
        return parts
    }

    /// ` ops.units · row 3 of 8 · /side=RED · linked `: one space inside each end.
    var text: String { " " + parts.joined(separator: " · ") + " " }
}
