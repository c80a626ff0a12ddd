import ArgumentParser
import Foundation
import MSRConsole
import MSREngine
import MSRStore
import MSRTerminal

/// `msr demo`: the demo exercise, generated once into a cache and then opened.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the demo exercise (once, into a cache) and open it.",
        discussion: "The cache is $XDG_CACHE_HOME/msr (or ~/.cache/msr). Without a terminal it prints the recording's summary instead.")

    @Option(help: "Where to keep the demo recording.") var path: String?
    @Option(help: "Number of change events in the demo.") var events: Int = 1_000_000

    func run() throws {
        try reportingFailures {
            let target = path ?? Self.defaultPath(events: events)
            // A demo left by another msr version is made again rather than refused.
            if FileManager.default.fileExists(atPath: target) {
                do {
                    _ = try SQLiteRecordingStore(openingAt: target)
                } catch {
                    Terminal.standardError.write("msr: the cached demo cannot be used (\(error)); making it again.\n")
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
                }
            }
            if !FileManager.default.fileExists(atPath: target) {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                Terminal.standardError.write("msr: generating the demo exercise (\(events) events) into \(target)\n")
                try ExerciseWriter.generate(events: events, seed: 1, into: target, showProgress: true)
            }
            guard isatty(0) == 1 && isatty(1) == 1 else {
                // No terminal to take: say what the demo holds instead.
                let r = try Reconstructor(store: SQLiteRecordingStore(openingAt: target))
                print(try RecordingInfo.gather(r).text, terminator: "")
                Terminal.standardError.write("msr: not a terminal; run 'msr open \(target)' in one to replay it.\n")
                return
            }
            let app = try ConsoleApp(recording: try ConsoleLauncher.handle(for: target), options: ConsoleLauncher.options())
            try ConsoleLauncher.runOnTerminal(app, theme: ConsoleLauncher.theme(nil).theme, mouse: true, script: nil)
        }
    }

    static func defaultPath(events: Int) -> String {
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSTemporaryDirectory()) + "/.cache")
        return cache + "/msr/demo-\(events).msr"
    }
}
