import ArgumentParser
import Foundation
import MSRCapture
import MSRModel
import MSRStore

/// `msr capture nats --server URL --stream S --subject SUBJECT --into REC.msr`.
struct CaptureNatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nats",
        abstract: "Record Debezium change events from a NATS JetStream stream, as Debezium Server publishes them.",
        discussion: """
            Each message is one Debezium event value, the format of 'msr ingest debezium'. A durable pull \
            consumer (--durable, by default msr-NAME for NAME.msr) remembers what was recorded, so a restart \
            resumes; messages are acknowledged only once they are durably in the recording, and events already \
            recorded are skipped, so duplicates and redeliveries change nothing. Bad messages are reported on \
            stderr, appended to REC.msr.rejects.ndjson and acknowledged. Ctrl-C or SIGTERM stops after the \
            current batch. Exit status: 0 when stopped and every message was taken, 2 when some were rejected, \
            1 on a fatal error.
            """)

    @Option(help: ArgumentHelp("The NATS server.", valueName: "URL")) var server: String
    @Option(help: "The JetStream stream holding the change events.") var stream: String
    @Option(help: ArgumentHelp("The subjects to record, wildcards allowed: dbserver1.> or dbserver1.public.units.", valueName: "SUBJECT"))
    var subject: String
    @Option(help: "The recording to write (created when missing).") var into: String
    @Option(help: ArgumentHelp("The primary key of a table: TABLE=COL[,COL]. Repeatable. Default: a column named id.", valueName: "TABLE=COLS"))
    var key: [String] = []
    @Option(help: "The durable consumer's name (default: msr- and the recording's name).") var durable: String?
    @Option(help: "Messages recorded per write (1 to 100000).") var batch: Int = 5_000
    @Option(name: .customLong("ack-wait"), help: "Seconds before an unacknowledged message is delivered again, 1 to 86400 (new consumers only).")
    var ackWait: Double = 30
    @Flag(name: .customLong("until-idle"), help: "Stop once every message so far is recorded, instead of waiting for more.")
    var untilIdle = false
    @Option(name: .customLong("keyframe-interval"), help: "Events of one table between keyframes, 1 to 1000000 (new recordings only).")
    var keyframeInterval: Int = 2000
    @Flag(help: "Print no progress and no summary.") var quiet = false

    func validate() throws {
        if batch < 1 || batch > 100_000 { throw ValidationError("--batch takes 1 to 100000 messages.") }
        if !(ackWait >= 1 && ackWait <= 86_400) { throw ValidationError("--ack-wait takes 1 to 86400 seconds.") }
        try checkKeyframeInterval(keyframeInterval)
        if let durable, !NatsCaptureOptions.isValidDurableName(durable) {
            throw ValidationError("--durable cannot be empty or hold '.', '*', '>', slashes or spaces.")
        }
    }

    func run() throws {
        let signals = StopSignals()
        var rejected = false
        try reportingFailures {
            let overrides = try parseKeyOverrides(key)
            try PathChecks.requireRecordingToWrite(into)
            let store = try SQLiteRecordingStore(creatingAt: into, keyframeInterval: keyframeInterval)
            defer { store.close() }
            // Acknowledged means recorded: commits must survive a power cut, not only a kill.
            try store.requireDurableCommits()
            let interval = Int(try store.metaValue("keyframe_interval") ?? "") ?? keyframeInterval
            let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: interval, keyOverrides: overrides))
            var options = NatsCaptureOptions(server: server, stream: stream, subject: subject,
                                             durable: durable ?? NatsCaptureOptions.durableName(forRecording: into))
            options.batchSize = batch
            options.ackWaitMs = Int64(ackWait * 1000)
            options.untilIdle = untilIdle
            let capture = NatsCapture(writer: writer, options: options, rejectsPath: into + ".rejects.ndjson")
            let line = NatsProgressLine(enabled: !quiet)
            let report = try capture.run(stop: signals.flag) { event in
                switch event {
                case .started(let name, let created, let messages, let pending):
                    line.note("\(created ? "created" : "resuming") consumer \(name) on stream \(stream) (\(messages) messages, \(pending) not yet delivered); recording \(subject) into \(into). Ctrl-C stops.")
                case .recorded(let report, let rejections):
                    for r in rejections { line.warn("\(TerminalText.safe(r.subject)) #\(r.streamSequence): \(TerminalText.safe(r.reason))") }
                    if !rejections.isEmpty { rejected = true }
                    line.show(report)
                case .idle(let report):
                    line.show(report)
                case .disconnected(let report, let reason):
                    line.show(report, status: reason.hasSuffix(".") ? String(reason.dropLast()) : reason)
                }
            }
            line.finish()
            if report.rejected > 0 {
                Terminal.standardError.write("msr: \(count(report.rejected, "message")) rejected; see \(into).rejects.ndjson.\n")
            }
            if !quiet {
                Terminal.standardError.write(summary(report, stopped: signals.flag.isRequested) + "\n")
            }
        }
        if rejected { throw ExitCode(2) }
    }

    private func summary(_ r: NatsCaptureReport, stopped: Bool) -> String {
        var parts = ["\(count(r.written, "event")) recorded from \(count(r.messages, "message")) into \(into)"]
        if r.duplicates > 0 { parts.append("\(r.duplicates) already recorded") }
        if r.unseenRows > 0 { parts.append("\(r.unseenRows) about rows never seen before") }
        if r.rederived > 0 { parts.append("\(r.rederived) later events re-derived for late arrivals") }
        let skipped = r.skipped.values.reduce(0, +)
        if skipped > 0 { parts.append("\(skipped) skipped") }
        if r.timedByEvent > 0 {
            parts.append("\(r.timedByEvent) timed by when Debezium read them (source.ts_ms missing or 0)")
        }
        if r.rejected > 0 { parts.append("\(r.rejected) rejected") }
        if r.ackFailures > 0 { parts.append("\(r.ackFailures) acknowledgements unconfirmed (those messages may come again)") }
        parts.append(stopped ? "stopped on request" : "nothing left to record")
        return "msr: " + parts.joined(separator: "; ") + "."
    }

    private func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
