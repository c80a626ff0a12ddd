import ArgumentParser
import Foundation
import MSREngine
import MSRModel
import MSRStore

/// `msr events`: the event-replay API on the command line.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Replay events as NDJSON: from an offset or a time, to a time, by table and operation, rate-limited.",
        discussion: "Each line: {seq, commit_time, table, op, key, before, after, commit_time_us, position}.")

    @OptionGroup var rec: RecordingArgument
    @OptionGroup var filter: EventFilterOptions
    @OptionGroup var valueOptions: ValueOptions
    @Option(help: "Stop after this many events.") var max: Int?
    @Option(help: "Emit at most this many events per second (0.001 to 1000000000).") var rate: Double?
    @Flag(help: "Report progress on stderr: events done, estimated total, percent, events/s, commit time.")
    var progress = false

    func validate() throws {
        if let m = max, m < 0 { throw ValidationError("--max must be 0 or more.") }
        if let r = rate, !(r >= 0.001 && r <= 1e9) { throw ValidationError("--rate takes 0.001 to 1000000000 events per second.") }
    }

    func run() throws {
        try reportingFailures {
            let r = try rec.open()
            var query = try filter.query(r)
            let limit = max ?? Int.max
            let total = Swift.min(Int64(limit), try r.store.count(matching: query))
            let names = Dictionary(uniqueKeysWithValues: r.summary.tables.map { ($0.id, $0) })
            let meter = ProgressMeter(total: total, enabled: progress, unit: "events")
            let pacer = rate.map { RatePacer(perSecond: $0) }
            var done = 0
            var out = OutputBuffer()
            while done < limit {
                let batch = try r.store.events(matching: query, limit: Swift.min(5000, limit - done))
                if batch.isEmpty { break }
                for e in batch {
                    pacer?.wait(for: done)
                    try out.append(JSONText.event(e, table: names[e.table], values: valueOptions.rendering))
                    done += 1
                    if pacer != nil { try out.flush() }
                    meter.update(done: Int64(done), detail: e.commitTime.iso8601)
                }
                query.afterSeq = batch[batch.count - 1].seq
            }
            try out.flush()
            meter.finish(done: Int64(done))
        }
    }
}

/// Keeps output to a steady rate.
final class RatePacer {
    let perSecond: Double
    let start = Date()

    init(perSecond: Double) { self.perSecond = perSecond }

    func wait(for index: Int) {
        let due = Double(index) / perSecond
        let now = Date().timeIntervalSince(start)
        if due > now { Thread.sleep(forTimeInterval: due - now) }
    }
}

/// Collects stdout text and writes it in large pieces.
struct OutputBuffer {
    private var text = ""

    mutating func append(_ s: String) throws {
        text += s
        if text.utf8.count > 1 << 16 { try flush() }
    }

    /// Writes what is collected; a full disk or a closed reader ends the command in a sentence.
    mutating func flush() throws {
        guard !text.isEmpty else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            throw CLIError("Cannot write the events to standard output: \(String(cString: strerror(errno))).")
        }
        text = ""
    }
}
