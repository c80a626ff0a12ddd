import Foundation
import MSRCapture
import MSRModel
import MSRStore

/// Generates an exercise into a temporary file beside the target and moves it into place, so
/// an interrupted run never leaves a half recording under the final name.
///
/// It replaces only what it may: the target when it is an msr recording (the caller decided
/// it may go), the temporary file when it is a recording an earlier run left. Anything else at
/// either path is refused and left alone; a run that fails removes only the files it made.
enum ExerciseWriter {
    static func generate(events: Int, seed: UInt64, into path: String, showProgress: Bool) throws {
        let temp = path + ".partial"
        // Checked before the work, and again before the move into place.
        if SQLiteRecordingStore.identify(path) == .missing { try PathChecks.requireNoCompanions(of: path) }
        try clearLeftover(temp)
        do {
            try write(events: events, seed: seed, into: temp, showProgress: showProgress)
            try replace(path, with: temp)
        } catch {
            // Everything at the temporary path is this run's: it was cleared before the run began.
            OwnFile.removeDatabase(temp)
            throw error
        }
    }

    private static func write(events: Int, seed: UInt64, into temp: String, showProgress: Bool) throws {
        let store = try SQLiteRecordingStore(creatingAt: temp)
        defer { store.close() }
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
    }

    /// A `.partial` left by a killed run is removed; anything else there is not msr's to remove.
    private static func clearLeftover(_ temp: String) throws {
        switch SQLiteRecordingStore.identify(temp) {
        case .recording:
            OwnFile.removeDatabase(temp)
        case .missing:
            try PathChecks.requireNoCompanions(of: temp)
        case .notRegularFile, .otherFile:
            throw CLIError("\(temp) is in the way and is not an msr recording, so msr leaves it alone; move it away and try again.")
        }
    }

    /// Moves the finished recording over `path` in one step (rename(2) replaces atomically).
    private static func replace(_ path: String, with temp: String) throws {
        // Checked again here: generating takes a while, and something else may have appeared.
        switch SQLiteRecordingStore.identify(path) {
        case .recording:
            // The old recording's WAL and index would be read as part of the new file.
            OwnFile.remove(path, suffixes: OwnFile.sqliteCompanions)
        case .missing:
            try PathChecks.requireNoCompanions(of: path)
        case .notRegularFile, .otherFile:
            throw CLIError("\(path) appeared while generating and is not an msr recording, so msr leaves it alone.")
        }
        guard rename(temp, path) == 0 else {
            throw CLIError("Cannot move the new recording to \(path): \(String(cString: strerror(errno))).")
        }
        OwnFile.remove(temp, suffixes: OwnFile.sqliteCompanions)
    }
}

/// Bounds of what `msr generate` and `msr demo` make.
enum ExerciseLimits {
    /// Past this a generated exercise would take hours and its two-hour span would leave less
    /// than ten microseconds between events.
    static let maxEvents = 1_000_000_000
}
