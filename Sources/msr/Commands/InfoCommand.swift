import ArgumentParser
import MSREngine
import MSRModel
import MSRStore

/// `msr info`: what a recording holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show a recording's span, events, tables, keyframes and bookmarks.")

    @OptionGroup var rec: RecordingArgument
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        try reportingFailures {
            let r = try rec.open()
            let info = try RecordingInfo.gather(r)
            print(json ? info.json : info.text, terminator: json ? "\n" : "")
        }
    }
}
