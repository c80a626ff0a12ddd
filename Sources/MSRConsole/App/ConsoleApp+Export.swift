import Foundation
import MSREngine
import MSRModel
import MSRStore

/// Writing what the focused pane shows, or events, to a new file in a directory the user
/// chooses. Events are written in the background (`EventExportJob`) with progress on the
/// message line; the whole recording's are exported only once the user says yes.
extension ConsoleApp {
    /// What `export` was asked for: `csv|ndjson|events [raw] [all] [PATH|DIRECTORY]`.
    struct ExportRequest {
        var kind: String
        var values = ValueRendering.readable
        var everything = false
        var path: String?

        init(parsing text: String) throws(CommandError) {
            var rest = Substring(text).drop { $0.isWhitespace }
            func takeWord() -> String {
                let word = rest.prefix { !$0.isWhitespace }
                rest = rest.dropFirst(word.count).drop { $0.isWhitespace }
                return word.lowercased()
            }
            let kind = takeWord()
            guard ["csv", "ndjson", "events"].contains(kind) else {
                throw CommandError("Export what? Type csv, ndjson or events, then raw (values as ingested), all (every event) or a path.")
            }
            self.kind = kind
            while ["raw", "all"].contains(rest.prefix(while: { !$0.isWhitespace }).lowercased()) {
                if takeWord() == "all" { everything = true } else { values = .asIngested }
            }
            // The rest is the path, spaces and all.
            let path = rest.trimmingCharacters(in: .whitespaces)
            self.path = path.isEmpty ? nil : path
        }
    }

    /// `csv [PATH]`, `ndjson [PATH]` (the pane's rows, in view order) or `events [PATH]`
    /// (the events of the loop range, or after a yes of the whole recording, as NDJSON).
    func export(_ text: String) throws {
        guard let pane = focusedPane, let s = session(of: pane) else { return }
        let request = try ExportRequest(parsing: text)
        if request.kind == "events" { return try exportEvents(request, pane: pane, session: s) }
        let stamp = Timestamp.formatOffset(s.playhead.time - s.timeline.start, plus: false)
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        let file = try exportFile(request, defaultName: "\(recordingBase(pane))-\(pane.table.name.name)-\(stamp).\(request.kind)")
        let rows = pane.rows?.window(from: 0, limit: Int.max / 2, keyColumns: pane.table.keyColumns).map(\.row) ?? []
        let columns = pane.table.columns
        do {
            try file.write(request.kind == "csv" ? RowExport.csv(rows, columns: columns, request.values)
                : RowExport.ndjson(rows, columns: columns, request.values))
            file.close()
        } catch {
            file.remove()
            throw error
        }
        say("Exported \(rows.count) rows to \(file.path).")
    }

    private func recordingBase(_ pane: Pane) -> String {
        (pane.recording.name as NSString).deletingPathExtension
    }

    /// The new file for an export: the path given; a default name inside the directory given
    /// (or `exportDirectory`, or the working directory), numbered when taken.
    private func exportFile(_ request: ExportRequest, defaultName: String) throws(CommandError) -> ExportFile {
        var isDirectory: ObjCBool = false
        if let path = request.path {
            let expanded = (path as NSString).expandingTildeInPath
            if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue {
                return try ExportFile.create((expanded as NSString).appendingPathComponent(defaultName), numbered: true)
            }
            return try ExportFile.create(expanded, numbered: false)
        }
        let directory = options.exportDirectory ?? FileManager.default.currentDirectoryPath
        return try ExportFile.create((directory as NSString).appendingPathComponent(defaultName), numbered: true)
    }

    private func exportEvents(_ request: ExportRequest, pane: Pane, session s: ReplaySession) throws {
        if let job = exportJob, job.progress.outcome == nil {
            throw CommandError("An export to \(job.path) is running; wait for it, or press Esc to stop it.")
        }
        var query = EventQuery()
        if let loop = s.playhead.loop {
            query.fromTime = loop.lowerBound
            query.toTime = loop.upperBound
        } else if !request.everything {
            // Refused now rather than after the question: a path that names something already.
            var st = stat()
            var isDirectory: ObjCBool = false
            if let path = request.path.map({ ($0 as NSString).expandingTildeInPath }), lstat(path, &st) == 0,
               !(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
                throw CommandError("\(path) already exists; msr does not replace files, so give a new name or a directory.")
            }
            let count = pane.recording.summary.eventCount
            var confirmed = request
            confirmed.everything = true
            confirmation = Confirmation(
                question: "No loop is set: export all \(count) events of the recording? y exports (in the background), any other key cancels.",
                onYes: { [weak self] in try self?.exportEvents(confirmed, pane: pane, session: s) })
            return
        }
        let store = pane.recording.timeline.store
        let total = try store.count(matching: query)
        let file = try exportFile(request, defaultName: "\(recordingBase(pane))-events.ndjson")
        let job = EventExportJob(path: file.path, total: total)
        let tables = Dictionary(uniqueKeysWithValues: pane.recording.summary.tables.map { ($0.id, $0) })
        job.start(file: file, openStore: pane.recording.openStore, query: query, tables: tables, values: request.values,
                  batchSize: options.exportBatchSize, afterBatch: options.afterExportBatch)
        exportJob = job
        say("Exporting \(total) events to \(file.path)…")
    }

    /// Tells how the running export is doing, and how it ended; called every tick.
    func reportExport() -> Bool {
        guard let job = exportJob else { return false }
        let (written, outcome) = job.progress
        switch outcome {
        case nil:
            let percent = job.total > 0 ? Int(Double(written) * 100 / Double(job.total)) : 0
            let text = "Exporting events to \(job.path): \(written) of \(job.total) (\(percent) %); Esc stops it."
            // Progress takes the line unless something newer was said there this moment.
            if let m = message, !m.text.hasPrefix("Exporting "), clock.now - m.since < 2 { return false }
            if message?.text != text { say(text) }
            return false
        case .done(let n):
            say("Exported \(n) events to \(job.path).")
        case .failed(let reason):
            say(reason, error: true)
        case .cancelled:
            say("Export stopped; \(job.path) was removed.")
        }
        exportJob = nil
        return true
    }

    /// Waits for a running export to end and tells how it did.
    public func finishExport() {
        exportJob?.wait()
        _ = reportExport()
    }

    /// Stops a running export (Esc, or quitting) and waits for its file to be removed.
    func stopExport() {
        guard let job = exportJob, job.progress.outcome == nil else { return }
        job.cancel()
        job.wait()
        _ = reportExport()
    }
}

/// A question the next key answers: y does `onYes`, any other key cancels.
struct Confirmation {
    var question: String
    var onYes: () throws -> Void
}
