import MSREngine
import MSRModel
import MSRStore
import MSRTerminal

/// The facts `msr info` shows, gathered once and written as text or JSON.
struct RecordingInfo {
    struct TableInfo {
        var schema: TableSchema
        var rows: Int
        var events: Int64
        var keyframes: Int
    }

    var path: String
    var summary: RecordingSummary
    var tables: [TableInfo]
    var bookmarks: [Bookmark]
    var activity: [Int]
    var snapshot: InitialSnapshotStatus = .complete
    var typeChanges: [ColumnTypeChange] = []

    static func gather(_ r: Reconstructor) throws(RecordingError) -> RecordingInfo {
        let store = r.store
        var tables: [TableInfo] = []
        for t in r.summary.tables {
            tables.append(TableInfo(
                schema: t,
                rows: try store.rowCount(table: t.id, atSeq: r.summary.lastSeq),
                events: try store.count(matching: EventQuery(tables: [t.id])),
                keyframes: try store.keyframes(table: t.id).count))
        }
        return RecordingInfo(path: store.location, summary: r.summary, tables: tables,
                             bookmarks: try store.bookmarks(), activity: try store.activity(buckets: 60),
                             snapshot: try store.initialSnapshotStatus(), typeChanges: try store.columnTypeChanges())
    }

    /// For people: every name, label and note from the recording is shown with its controls
    /// made visible (`TerminalText`), and columns are padded by display width.
    var text: String {
        func safe(_ s: String) -> String { TerminalText.safe(s) }
        var out = "recording  \(safe(path))\n"
        if let first = summary.firstCommit, let last = summary.lastCommit {
            out += "span       \(first.iso8601) .. \(last.iso8601)  (\(Timestamp.formatOffset(last - first, plus: false)))\n"
        } else {
            out += "span       (empty)\n"
        }
        out += "events     \(summary.eventCount)"
        if summary.unseenRowEvents > 0 { out += "  (\(summary.unseenRowEvents) about rows never seen before)" }
        out += "\n"
        if snapshot == .incomplete {
            out += "snapshot   initial snapshot incomplete: rows from before the capture began are missing (run the capture again to take it again)\n"
        }
        if !activity.isEmpty && summary.eventCount > 0 {
            out += "activity   \(Sparkline.draw(activity))\n"
        }
        out += "keyframes  every \(summary.keyframeInterval) events of a table\n\n"
        let names = tables.map { safe($0.schema.name.qualified) }
        let nameWidth = max(5, names.map(DisplayWidth.of).max() ?? 0)
        out += "table".padding(nameWidth) + "  " + "rows".leftPadding(9) + "  " + "events".leftPadding(10) + "  " + "keyframes".leftPadding(9) + "  key\n"
        for (t, name) in zip(tables, names) {
            out += name.padding(nameWidth) + "  " + String(t.rows).leftPadding(9) + "  "
                + String(t.events).leftPadding(10) + "  " + String(t.keyframes).leftPadding(9) + "  "
                + t.schema.keyColumnNames.map(safe).joined(separator: ", ") + "\n"
        }
        for (t, name) in zip(tables, names) {
            out += "\n\(name)\n"
            for (i, c) in t.schema.columns.enumerated() {
                let isKey = t.schema.keyColumns.contains(i) ? " (key)" : ""
                out += "  " + safe(c.name).padding(24) + " " + safe(typeText(c.type)) + isKey + "\n"
            }
            for change in typeChanges where change.table == t.schema.name.qualified {
                out += "  " + change.column.padding(24) + " was " + typeText(change.from) + " before event \(change.seq)\n"
            }
        }
        out += "\nbookmarks  \(bookmarks.isEmpty ? "none" : String(bookmarks.count))\n"
        for b in bookmarks {
            // A note the console labelled with its own beginning is printed once, whole.
            let text = b.note.isEmpty || b.note == b.label ? b.label : b.note.hasPrefix(b.label) ? b.note : "\(b.label)  — \(b.note)"
            out += "  \(b.time.iso8601)  \(safe(text))\n"
        }
        return out
    }

    private func typeText(_ t: ColumnType) -> String {
        var s = t.kind.isEmpty ? "?" : t.kind
        if let sem = t.semantic { s += " " + sem }
        if !t.parameters.isEmpty {
            s += " (" + t.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
        }
        return s
    }

    var json: String {
        func str(_ s: String) -> String { JSONText.quote(s) }
        func time(_ t: Timestamp?) -> String { t.map { str($0.iso8601) } ?? "null" }
        let tableJSON = tables.map { t -> String in
            let cols = t.schema.columns.map { c -> String in
                var fields = ["\"name\":" + str(c.name), "\"type\":" + str(c.type.kind)]
                if let sem = c.type.semantic { fields.append("\"semantic\":" + str(sem)) }
                if !c.type.parameters.isEmpty {
                    fields.append("\"parameters\":{" + c.type.parameters.sorted { $0.key < $1.key }
                        .map { str($0.key) + ":" + str($0.value) }.joined(separator: ",") + "}")
                }
                return "{" + fields.joined(separator: ",") + "}"
            }
            return "{\"name\":\(str(t.schema.name.qualified)),\"schema\":\(t.schema.name.schema.map(str) ?? "null"),"
                + "\"table\":\(str(t.schema.name.name)),\"key\":[\(t.schema.keyColumnNames.map(str).joined(separator: ","))],"
                + "\"rows\":\(t.rows),\"events\":\(t.events),\"keyframes\":\(t.keyframes),\"columns\":[\(cols.joined(separator: ","))]}"
        }
        let marks = bookmarks.map { "{\"time\":\(str($0.time.iso8601)),\"label\":\(str($0.label)),\"note\":\(str($0.note))}" }
        let span = summary.firstCommit.flatMap { f in summary.lastCommit.map { Double($0 - f) / 1e6 } } ?? 0
        return "{\"recording\":\(str(path)),\"first_commit\":\(time(summary.firstCommit)),\"last_commit\":\(time(summary.lastCommit)),"
            + "\"span_seconds\":\(span),\"events\":\(summary.eventCount),\"initial_snapshot_complete\":\(snapshot == .complete),\"unseen_row_events\":\(summary.unseenRowEvents),"
            + "\"keyframe_interval\":\(summary.keyframeInterval),\"tables\":[\(tableJSON.joined(separator: ","))],"
            + "\"bookmarks\":[\(marks.joined(separator: ","))],\"activity\":[\(activity.map(String.init).joined(separator: ","))]}"
    }
}

extension String {
    /// Padded with spaces to `width` terminal columns.
    func padding(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }

    func leftPadding(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : String(repeating: " ", count: width - w) + self
    }
}
