import ArgumentParser
import MSREngine
import MSRModel
import MSRStore

/// The recording a command reads, and helpers to open it and resolve its tables and times.
struct RecordingArgument: ParsableArguments {
    @Argument(help: "The recording file (REC.msr).")
    var recording: String

    /// Opens the recording as it is now: a command sees one snapshot of it throughout, even
    /// while an ingest or a capture writes to it.
    func open() throws -> Reconstructor {
        try PathChecks.requireRecordingPath(recording)
        return try Reconstructor(store: SQLiteRecordingStore(openingAt: recording), pinned: true)
    }
}

extension Reconstructor {
    func table(_ name: String) throws(RecordingError) -> TableSchema {
        try summary.table(named: name)
    }

    func time(_ text: String) throws -> Timestamp {
        resolve(try TimeSpec(parsing: text))
    }
}

/// How rows are written: aligned text for people, CSV or NDJSON for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, ndjson
}

/// Parses `TABLE=COL[,COL]`.
func parseKeyOverrides(_ items: [String]) throws -> [String: [String]] {
    var out: [String: [String]] = [:]
    for item in items {
        let parts = item.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw CLIError("--key takes TABLE=COL[,COL], not '\(item)'.")
        }
        let columns = parts[1].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !columns.isEmpty else { throw CLIError("--key \(item) names no column; write TABLE=COL[,COL].") }
        out[String(parts[0])] = columns
    }
    return out
}

/// The most events of one table between keyframes a recording may ask for: more would make a
/// seek replay millions of events.
let maxKeyframeInterval = 1_000_000

func checkKeyframeInterval(_ n: Int) throws {
    if n < 1 || n > maxKeyframeInterval {
        throw ValidationError("--keyframe-interval takes 1 to \(maxKeyframeInterval).")
    }
}
