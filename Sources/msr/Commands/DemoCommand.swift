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

    @Option(help: "Where to keep the demo recording (a relative path is taken from the current directory).") var path: String?
    @Option(help: "Number of change events in the demo.") var events: Int = 1_000_000
    @OptionGroup var zone: TimeZoneOption

    func validate() throws {
        if events < 1 || events > ExerciseLimits.maxEvents {
            throw ValidationError("--events takes 1 to \(ExerciseLimits.maxEvents).")
        }
        if path?.isEmpty == true { throw ValidationError("--path needs a file name, such as demo.msr.") }
    }

    func run() throws {
        try reportingFailures {
            let target = PathChecks.absolute(path ?? Self.defaultPath(events: events))
            if try !Self.usable(target) {
                let folder = (target as NSString).deletingLastPathComponent
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw CLIError("Cannot create the folder \(folder) for the demo; choose another --path.")
                }
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
            var options = ConsoleLauncher.options()
            options.timeZone = try zone.setting()
            let app = try ConsoleApp(recording: try ConsoleLauncher.handle(for: target), options: options)
            try ConsoleLauncher.runOnTerminal(app, theme: ConsoleLauncher.theme(nil).theme, mouse: true, script: nil)
        }
    }

    /// Whether `target` holds a demo to open (false: one is to be generated there). Only a
    /// recording of an older format in msr's own cache is made again; anything else that is
    /// there and cannot be opened is refused and left as it is.
    static func usable(_ target: String) throws -> Bool {
        switch SQLiteRecordingStore.identify(target) {
        case .missing:
            try PathChecks.requireNoCompanions(of: target)
            return false
        case .recording(let version) where version == RecordingIdentity.currentFormatVersion:
            _ = try SQLiteRecordingStore(openingAt: target)
            return true
        case .recording(let version) where version < RecordingIdentity.currentFormatVersion && isInCache(target):
            Terminal.standardError.write("msr: the cached demo was written by an earlier msr (recording format \(version)); making it again.\n")
            return false
        case .recording:
            _ = try SQLiteRecordingStore(openingAt: target)
            return true
        case .notRegularFile:
            throw CLIError("\(target) is \(PathChecks.kind(target)), not a recording; msr demo leaves it alone, so give --path a file name such as demo.msr.")
        case .otherFile:
            throw CLIError(PathChecks.notARecording(target, leftAlone: "give msr demo another --path"))
        }
    }

    /// Whether `path` sits directly in msr's cache directory (symbolic links resolved).
    static func isInCache(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent).resolvingSymlinksInPath().standardizedFileURL
        let cache = URL(fileURLWithPath: cacheDirectory).resolvingSymlinksInPath().standardizedFileURL
        return folder.path == cache.path
    }

    static var cacheDirectory: String {
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSTemporaryDirectory()) + "/.cache")
        return cache + "/msr"
    }

    static func defaultPath(events: Int) -> String {
        cacheDirectory + "/demo-\(events).msr"
    }
}
