import Foundation
import MSREngine
import MSRModel
import MSRStore

/// Writing what the focused pane shows, or the loop range's events, to a file.
extension ConsoleApp {
    /// `csv [PATH]`, `ndjson [PATH]` (the pane's rows, in view order) or `events [PATH]`
    /// (the events of the loop range, or of the whole recording, as NDJSON).
    func export(_ text: String) throws {
        guard let pane = focusedPane, let s = session(of: pane) else { return }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let kind = parts.first?.lowercased(), ["csv", "ndjson", "events"].contains(kind) else {
            throw CommandError("Export what? Type csv, ndjson or events, then an optional path.")
        }
        let stamp = Timestamp.formatOffset(s.playhead.time - s.timeline.start, plus: false)
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        let base = (pane.recording.name as NSString).deletingPathExtension
        let path = parts.count > 1 ? parts[1] : kind == "events"
            ? "\(base)-events.ndjson" : "\(base)-\(pane.table.name.name)-\(stamp).\(kind)"
        let body: String
        var count = 0
        if kind == "events" {
            let store = pane.recording.timeline.store
            var query = EventQuery()
            if let loop = s.playhead.loop {
                query.fromTime = loop.lowerBound
                query.toTime = loop.upperBound
            }
            var lines: [String] = []
            let tables = Dictionary(uniqueKeysWithValues: pane.recording.summary.tables.map { ($0.id, $0) })
            while true {
                let batch = try store.events(matching: query, limit: 10_000)
                guard let last = batch.last else { break }
                for e in batch { lines.append(JSONText.event(e, table: tables[e.table])) }
                query.afterSeq = last.seq
            }
            count = lines.count
            body = lines.joined()
        } else {
            let rows = pane.rows?.window(from: 0, limit: Int.max / 2, keyColumns: pane.table.keyColumns).map(\.row) ?? []
            count = rows.count
            body = kind == "csv" ? RowExport.csv(rows, columns: pane.table.columns) : RowExport.ndjson(rows, columns: pane.table.columns)
        }
        do {
            try body.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("Cannot write \(path); check the directory and its permissions.")
        }
        say("Exported \(count) \(kind == "events" ? "events" : "rows") to \(path).")
    }
}
