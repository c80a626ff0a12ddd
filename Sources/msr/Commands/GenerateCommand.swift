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
    @Option(help: "Number of change events (1 to 1000000000).") var events: Int = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Replace the recording when it exists (only an msr recording is ever replaced).") var force = false
    @Flag(help: "Print no progress.") var quiet = false

    func validate() throws {
        if events < 1 || events > ExerciseLimits.maxEvents {
            throw ValidationError("--events takes 1 to \(ExerciseLimits.maxEvents).")
        }
        if out.isEmpty { throw ValidationError("--out needs a file name, such as exercise.msr.") }
    }

    func run() throws {
        try reportingFailures {
            switch SQLiteRecordingStore.identify(out) {
            case .missing:
                let folder = (PathChecks.absolute(out) as NSString).deletingLastPathComponent
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw CLIError("There is no folder \(folder) to write \(out) in; create it or choose another --out.")
                }
            case .recording:
                if !force { throw CLIError("\(out) already exists; remove it, choose another path, or pass --force.") }
            case .notRegularFile:
                throw CLIError("\(out) is \(PathChecks.kind(out)), not a recording; msr leaves it alone, so give --out a file name such as exercise.msr.")
            case .otherFile:
                if !force { throw CLIError("\(out) already exists; remove it, choose another path, or pass --force.") }
                throw CLIError("\(out) is not an msr recording, and --force replaces only a recording; msr leaves it alone, so choose another --out.")
            }
            try ExerciseWriter.generate(events: events, seed: seed, into: out, showProgress: !quiet)
        }
    }
}
