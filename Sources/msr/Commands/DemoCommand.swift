import ArgumentParser
import Foundation
import MSREngine
import MSRStore

/// `msr demo`: the demo exercise, generated once into a cache and then opened.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the demo exercise (once, into a cache) and open it.",
        discussion: "The cache is $XDG_CACHE_HOME/msr (or ~/.cache/msr). Until the replay console lands, opening prints the recording's summary.")

    @Option(help: "Where to keep the demo recording.") var path: String?
    @Option(help: "Number of change events in the demo.") var events: Int = 1_000_000

    func run() throws {
        try reportingFailures {
            let target = path ?? Self.defaultPath(events: events)
            if !FileManager.default.fileExists(atPath: target) {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                Terminal.standardError.write("msr: generating the demo exercise (\(events) events) into \(target)\n")
                try ExerciseWriter.generate(events: events, seed: 1, into: target, showProgress: true)
            }
            let r = try Reconstructor(store: SQLiteRecordingStore(openingAt: target))
            print(try RecordingInfo.gather(r).text, terminator: "")
        }
    }

    static func defaultPath(events: Int) -> String {
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSTemporaryDirectory()) + "/.cache")
        return cache + "/msr/demo-\(events).msr"
    }
}
