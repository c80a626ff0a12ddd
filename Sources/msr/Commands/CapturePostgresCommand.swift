import ArgumentParser
import Foundation
import MSRCapture
import MSRStore

/// `msr capture postgres --dsn DSN --into REC.msr [--tables a,b | --publication P] [--slot S]`.
struct CapturePostgresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract: "Record a PostgreSQL database's changes from its transaction log, until stopped.",
        discussion: """
            Uses logical replication (pgoutput): creates the publication (for --tables) and the replication \
            slot when missing, takes an initial snapshot of the tables when the slot is new, then streams \
            every committed change. A position is confirmed to the server only once it is durably in the \
            recording, so a killed capture, restarted, loses nothing and records nothing twice. Reconnects \
            by itself when the server restarts. Ctrl-C or SIGTERM stop it after the current commit. \
            Exit status: 0 when stopped, 1 when the capture cannot go on (the message says why).
            """)

    @Option(help: ArgumentHelp("libpq connection string or URI ('host=… dbname=… user=…', 'postgresql://user@host/db'); the password may come from PGPASSWORD or ~/.pgpass instead.", valueName: "DSN"))
    var dsn: String
    @Option(help: "The recording to write (created when missing).") var into: String
    @Option(help: ArgumentHelp("Tables to capture, comma-separated (t or schema.t); msr creates a publication for them.", valueName: "a,b"))
    var tables: String?
    @Option(help: "The publication to capture (an existing one, or the one to create for --tables; default msr_<recording name>).")
    var publication: String?
    @Option(help: "The replication slot (created when missing; default msr_<recording name>).") var slot: String?
    @Option(name: .customLong("keyframe-interval"), help: "Events of one table between keyframes, 1 to 1000000 (new recordings only).")
    var keyframeInterval: Int = 2000
    @Flag(help: "Print no notes and no progress (warnings and errors still).") var quiet = false

    var tableList: [String] {
        (tables ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if tableList.isEmpty && publication == nil {
            throw ValidationError("Say what to capture: --tables a,b or --publication P.")
        }
        try checkKeyframeInterval(keyframeInterval)
        if let slot, !PostgresCaptureOptions.isValidSlotName(slot) {
            throw ValidationError("--slot takes lower-case letters, digits and underscores (at most 63), not '\(slot)'.")
        }
    }

    func run() throws {
        try reportingFailures {
            try PathChecks.requireRecordingToWrite(into)
            let existed = FileManager.default.fileExists(atPath: into)
            let store = try SQLiteRecordingStore(creatingAt: into, keyframeInterval: keyframeInterval)
            var failed = false
            defer {
                let unused = failed && !existed && Self.isUnused(store)
                store.close()
                // Made by this run and holding nothing: a failed start leaves no empty recording.
                if unused { OwnFile.removeDatabase(into) }
            }
            do {
                try capture(into: store)
            } catch {
                failed = true
                throw error
            }
        }
    }

    /// No events, and no slot the recording follows (which a later run needs to resume).
    private static func isUnused(_ store: SQLiteRecordingStore) -> Bool {
        guard let summary = try? store.summary() else { return false }
        return summary.eventCount == 0 && summary.tables.isEmpty && (try? store.metaValue("postgres.slot")) == nil
    }

    private func capture(into store: SQLiteRecordingStore) throws {
        try store.requireDurableCommits()
        let interval = Int(try store.metaValue("keyframe_interval") ?? "") ?? keyframeInterval
        let name = PostgresCaptureOptions.defaultName(forRecording: into)
        let options = PostgresCaptureOptions(dsn: dsn, tables: tableList,
                                             publication: publication ?? name, slot: slot ?? name)
        let quiet = self.quiet
        let signals = StopSignals { _ in
            if !quiet { Terminal.standardError.write("\nmsr: stopping after the current commit (again to stop at once).\n") }
        }
        let line = CaptureProgressLine(enabled: !quiet)
        let summary: CaptureSummary
        do {
            let capture = try PostgresCapture(options: options, store: store, writerOptions: WriterOptions(keyframeInterval: interval),
                                              stop: signals.flag) { line.show($0) }
            summary = try capture.run()
        } catch {
            line.finish()
            throw CLIError(describe(error))
        }
        line.finish()
        if !quiet { Terminal.standardError.write(summaryLine(summary) + "\n") }
    }

    private func summaryLine(_ s: CaptureSummary) -> String {
        var parts: [String] = []
        if s.snapshotRows > 0 { parts.append("\(s.snapshotRows) from the initial snapshot") }
        if s.duplicates > 0 { parts.append("\(s.duplicates) changes sent again and already recorded skipped") }
        if s.rejected > 0 { parts.append("\(s.rejected) refused") }
        if s.reconnects > 0 { parts.append("\(s.reconnects) reconnects") }
        let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
        return "msr: stopped; \(s.events) events from \(s.transactions) transactions recorded into \(into)\(detail); confirmed up to \(s.confirmed)."
    }
}
