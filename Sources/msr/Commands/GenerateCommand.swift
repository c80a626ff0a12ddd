import ArgumentParser
import Foundation
import MSRCapture
import MSRModel
import MSRStore

/// `msr generate`: a synthetic command-and-control exercise.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic command-and-control exercise as a recording.",
        discussion: "Units, sensor tracks, orders, alerts and engagements over about two hours, in phases: setup, movement, contact, bursts of engagements, consolidation. The same --events and --seed always give the same recording.")

    @Option(help: "The recording to create.") var out: String
    @Option(help: "Number of change events.") var events: Int = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Replace the recording when it exists.") var force = false
    @Flag(help: "Print no progress.") var quiet = false

    func validate() throws {
        if events < 1 { throw ValidationError("--events must be at least 1.") }
    }

    func run() throws {
        try reportingFailures {
            if FileManager.default.fileExists(atPath: out) && !force {
                throw CLIError("\(out) already exists; remove it, choose another path, or pass --force.")
            }
            try ExerciseWriter.generate(events: events, seed: seed, into: out, showProgress: !quiet)
        }
    }
}

/// Generates an exercise into a temporary file beside the target and moves it into place, so
/// an interrupted run never leaves a half recording under the final name.
enum ExerciseWriter {
    static func generate(events: Int, seed: UInt64, into path: String, showProgress: Bool) throws {
        let temp = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temp + suffix) }
        let store = try SQLiteRecordingStore(creatingAt: temp)
        let writer = try RecordingWriter(store: store)
        let meter = ProgressMeter(total: Int64(events), enabled: showProgress && Terminal.stderrIsTerminal, unit: "events")
        var generator = ExerciseGenerator(config: ExerciseConfig(events: events, seed: seed))
        var batch: [SourceChange] = []
        batch.reserveCapacity(100_000)
        var done = 0
        while let change = generator.next() {
            batch.append(change)
            if batch.count == 100_000 {
                done += try writer.write(batch).written
                batch.removeAll(keepingCapacity: true)
                meter.update(done: Int64(done), detail: "generated")
            }
        }
        done += try writer.write(batch).written
        meter.finish(done: Int64(done), detail: "generated")
        store.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.moveItem(atPath: temp, toPath: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temp + suffix) }
    }
}
