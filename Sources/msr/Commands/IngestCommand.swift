import ArgumentParser
import Foundation
import MSRCapture
import MSRModel
import MSRStore

/// `msr ingest`: load change events from files into a recording.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load change events into a recording.",
        subcommands: [IngestDebeziumCommand.self])
}

/// `msr ingest debezium FILE... --into REC.msr`.
struct IngestDebeziumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debezium",
        abstract: "Load Debezium change events (NDJSON, one event per line) into a recording.",
        discussion: """
            Lines may be bare Debezium payloads, {schema, payload} envelopes, {key, value} records, \
            kcat -J lines (kcat -C -b BROKER -t TOPIC -J -e | msr ingest debezium - --into REC.msr), \
            records flattened by ExtractNewRecordState (with add.fields=op,table,source.ts_ms) or CloudEvents; \
            heartbeats, schema changes, schema history and transaction markers are skipped and counted. \
            Events are ordered by commit time, the connector's source position and input order; events \
            already in the recording are skipped, so ingesting a file twice changes nothing. Bad lines are reported on \
            stderr and appended to REC.msr.rejects.ndjson after a line naming the run; everything valid is kept. \
            Exit status: 0 when every line was taken, 2 when some were rejected, 1 on a fatal error.
            """)

    @Argument(help: "NDJSON files; '-' reads standard input.") var files: [String]
    @Option(help: "The recording to write (created when missing).") var into: String
    @Option(help: ArgumentHelp("The primary key of a table whose events carry no message key: TABLE=COL[,COL]. Repeatable.", valueName: "TABLE=COLS"))
    var key: [String] = []
    @Option(name: .customLong("keyframe-interval"), help: "Events of one table between keyframes, 1 to 1000000 (new recordings only).")
    var keyframeInterval: Int = 2000
    @Flag(help: "Print no progress and no summary.") var quiet = false

    func validate() throws {
        try checkKeyframeInterval(keyframeInterval)
    }

    func run() throws {
        var rejected = false
        try reportingFailures {
            let overrides = try parseKeyOverrides(key)
            for f in files { try PathChecks.requireInput(f) }
            try PathChecks.requireRecordingToWrite(into)
            let store = try SQLiteRecordingStore(creatingAt: into, keyframeInterval: keyframeInterval)
            let interval = Int(try store.metaValue("keyframe_interval") ?? "") ?? keyframeInterval
            let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: interval, keyOverrides: overrides))
            let ingest = DebeziumIngest(writer: writer, rejectsPath: into + ".rejects.ndjson")
            let bar = IngestProgressBar(enabled: !quiet)
            let report: IngestReport
            do {
                report = try ingest.run(paths: files) { bar.show($0) }
            } catch let e as IngestError {
                throw CLIError(e.description)
            }
            bar.finish()
            for r in report.rejected.prefix(20) {
                Terminal.standardError.write("msr: \(TerminalText.safe(r.file)):\(r.line): \(TerminalText.safe(r.reason))\n")
            }
            if report.rejected.count > 20 {
                Terminal.standardError.write("msr: … and \(report.rejected.count - 20) more rejected lines.\n")
            }
            if let reason = report.rejectsNotWritten {
                Terminal.standardError.write("msr: \(report.rejected.count) lines rejected, but the reject file could not be written (\(reason)); everything valid is recorded.\n")
                rejected = true
            } else if !report.rejected.isEmpty {
                Terminal.standardError.write("msr: \(report.rejected.count) lines rejected; they are in \(into).rejects.ndjson, after a line naming this run.\n")
                rejected = true
            }
            if !quiet { Terminal.standardError.write(summaryLine(report) + "\n") }
        }
        if rejected { throw ExitCode(2) }
    }

    private func summaryLine(_ r: IngestReport) -> String {
        var parts = ["\(r.written) events recorded from \(r.lines) lines into \(into)"]
        if r.duplicates > 0 { parts.append("\(r.duplicates) already recorded") }
        if r.unseenRows > 0 { parts.append("\(r.unseenRows) about rows never seen before") }
        if r.rederived > 0 { parts.append("\(r.rederived) later events re-derived for late arrivals") }
        let skipped = r.skipped.values.reduce(0, +)
        if skipped > 0 {
            parts.append("\(skipped) skipped (" + r.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")")
        }
        if r.staleSnapshotRows > 0 {
            parts.append("\(r.staleSnapshotRows) snapshot rows older than a change already recorded (kept as read)")
        }
        if r.timedByEvent > 0 {
            parts.append("\(r.timedByEvent) timed by when Debezium read them (source.ts_ms missing or 0)")
        }
        if !r.rejected.isEmpty { parts.append("\(r.rejected.count) rejected") }
        return "msr: " + parts.joined(separator: "; ") + "."
    }
}

/// The progress of an ingest, drawn only on a terminal: input read (of its size, when known),
/// with the lines read and events stored so far.
final class IngestProgressBar {
    private var meter: ProgressMeter?
    private var last: IngestProgress?
    private let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled && Terminal.stderrIsTerminal }

    func show(_ p: IngestProgress) {
        guard enabled else { return }
        if meter == nil { meter = ProgressMeter(total: p.total ?? 0, enabled: true, unit: "bytes") }
        meter?.update(done: p.bytes, detail: Self.detail(p))
        last = p
    }

    func finish() {
        guard let last else { return }
        meter?.finish(done: last.bytes, detail: Self.detail(last))
    }

    private static func detail(_ p: IngestProgress) -> String {
        "\(p.lines) lines read, \(p.stored) events stored"
    }
}
