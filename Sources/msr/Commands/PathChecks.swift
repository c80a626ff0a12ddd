import Foundation
import MSRStore

/// Checks on the paths a user names, made before anything opens them.
enum PathChecks {
    /// A recording to read or write must be a regular file (or not exist yet, for writing):
    /// opening a FIFO would wait for ever for a writer, and a directory or device is never one.
    static func requireRecordingPath(_ path: String) throws {
        if path.isEmpty { throw CLIError("The recording's path is empty; name a file such as exercise.msr.") }
        var link = stat(), info = stat()
        let present = lstat(path, &link) == 0
        // Only the file's type is looked at here: opening it is the store's work.
        if present && (stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG) {
            throw CLIError("\(path) is \(kind(path)), not a recording; name a recording file (REC.msr).")
        }
    }

    /// A recording to write into (`--into`): missing (it is created), or an msr recording.
    /// Any other file is refused, even an empty one, which SQLite would quietly take over.
    static func requireRecordingToWrite(_ path: String) throws {
        try requireRecordingPath(path)
        switch SQLiteRecordingStore.identify(path) {
        case .otherFile: throw CLIError(notARecording(path, leftAlone: "choose another --into"))
        case .missing: try requireNoCompanions(of: path)
        case .recording, .notRegularFile: break
        }
    }

    /// What SQLite keeps beside a database file (`OwnFile.sqliteCompanions`).
    static let companionSuffixes = OwnFile.sqliteCompanions

    /// For a recording msr is about to create at `path`: nothing may sit where its companions
    /// go, since SQLite would overwrite or delete a user's file of that name.
    static func requireNoCompanions(of path: String) throws {
        for suffix in companionSuffixes {
            var s = stat()
            if lstat(path + suffix, &s) == 0 {
                throw CLIError("\(path + suffix) is in the way and msr cannot tell whose it is; move it away and try again.")
            }
        }
    }

    /// Why the file at `path` is not a recording msr can use, in one sentence ending with
    /// what to do: the store's own account when it has one (damage, a full disk, a read-only
    /// mount), else that msr did not write it and leaves it alone.
    static func notARecording(_ path: String, leftAlone advice: String) -> String {
        do {
            _ = try SQLiteRecordingStore(openingAt: path)
        } catch {
            if case .notARecording = error {} else { return error.description }
        }
        return "\(path) is not an msr recording; msr leaves it alone, so \(advice)."
    }

    /// An input of an ingest: a file, or a pipe or device to read from (`<(kcat …)`); a
    /// directory holds no lines, and reading it as an empty file would hide the mistake.
    static func requireInput(_ path: String) throws {
        if path.isEmpty { throw CLIError("An input's path is empty; name an NDJSON file, or - for standard input.") }
        if path == "-" { return }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIError("Cannot read \(path); check that the file exists and is readable.")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw CLIError("\(path) is a directory; name the NDJSON files in it (such as \(path)/*.ndjson).")
        }
        guard access(path, R_OK) == 0 else {
            throw CLIError("Cannot read \(path); check that the file exists and is readable.")
        }
    }

    /// `path` made absolute against the current directory, so messages and the console name
    /// the file wherever they are read.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// What kind of thing that is not a regular file is at `path`, for messages.
    static func kind(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "a dangling symbolic link" }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
