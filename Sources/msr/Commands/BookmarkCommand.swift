import ArgumentParser
import MSREngine
import MSRModel
import MSRStore

/// `msr bookmark`: label a moment of a recording.
struct BookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmark",
        abstract: "Add a labelled bookmark, with an optional note, at a moment of a recording.")

    @Argument(help: "The recording file (REC.msr).") var recording: String
    @Option(help: "The moment (same forms as --at of 'msr state').") var at: String
    @Option(help: "A short label.") var label: String
    @Option(help: "A longer note.") var note: String = ""

    func run() throws {
        try reportingFailures {
            try PathChecks.requireRecordingPath(recording)
            let store = try SQLiteRecordingStore(openingAt: recording, writable: true)
            let r = try Reconstructor(store: store)
            let time = try r.time(at)
            try store.addBookmark(Bookmark(time: time, label: label, note: note))
            print("Bookmark '\(TerminalText.safe(label))' at \(time.iso8601) (\(Timestamp.formatOffset(time - r.start))).")
        }
    }
}
