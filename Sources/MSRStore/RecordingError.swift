import MSRModel

/// What went wrong with a recording, said so that the user knows what to do next.
public enum RecordingError: Error, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case notARecording(path: String)
    case newerVersion(path: String, found: Int, supported: Int)
    case olderVersion(path: String, found: Int, supported: Int)
    case corrupt(path: String, detail: String)
    case storage(path: String, detail: String)
    /// The disk holding the recording (or its journal) has no space left.
    case diskFull(path: String)
    /// The recording, its directory or its file system cannot be written.
    case readOnly(path: String)
    /// The file is an SQLite database cut short: it ends before the pages its header counts.
    case truncated(path: String, bytes: Int64, expected: Int64)
    /// The operating system refused access to the file or its directory.
    case permissionDenied(path: String)
    /// The file cannot be opened at all (a directory, a missing directory, too many open files).
    case cannotOpen(path: String, detail: String)
    /// Another process is writing to the recording (an ingest or a capture).
    case busyWriter(path: String)
    case unknownTable(name: String, known: [String])
    case noPrimaryKey(table: String)
    case noUsableKey(table: String, detail: String)
    case invalidChange(table: String, detail: String)
    /// The writer rewrote the recording's stored tail (late events re-derived it) after this
    /// reader read part of it: what was read belongs to an earlier history. Not damage: a
    /// reader following a recording that is being written reads it again. `revision` is the
    /// history revision (`historyRevision()`) the outdated part was read under.
    case historyRewritten(path: String, revision: Int64)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "No recording at \(path); check the path, or create one with 'msr ingest' or 'msr generate'."
        case .notARecording(let path):
            return "\(path) is not an msr recording; give the path of a .msr file that msr wrote."
        case .newerVersion(let path, let found, let supported):
            return "\(path) was written by a newer msr (recording format \(found), this msr reads up to \(supported)); upgrade msr to open it."
        case .olderVersion(let path, let found, let supported):
            return "\(path) was written by an earlier msr (recording format \(found); this msr reads format \(supported)); record or ingest it again with this msr."
        case .corrupt(let path, let detail):
            return "\(path) is damaged (\(detail)); restore it from a copy or record it again."
        case .storage(let path, let detail):
            return "Cannot read or write \(path): \(detail)."
        case .diskFull(let path):
            return "The disk holding \(path) is full; free some space and run the command again (what was committed before is kept)."
        case .readOnly(let path):
            return "\(path) cannot be written: the file, its directory or its file system is read-only (SQLite also needs to create \(path)-wal and -shm beside it); make it writable or copy it somewhere writable."
        case .truncated(let path, let bytes, let expected):
            return "\(path) is cut short (\(bytes) bytes of the \(expected) its header counts), so part of the recording is lost; restore it from a copy or record it again."
        case .permissionDenied(let path):
            return "Permission denied for \(path) or its directory; check its owner and mode, or run msr as a user who may read (and for writing, write) it."
        case .cannotOpen(let path, let detail):
            return "Cannot open \(path) (\(detail)); check that it is a file and that its directory exists."
        case .busyWriter(let path):
            return "Another msr is writing to \(path) (an ingest or a capture); wait for it to finish, then run this again."
        case .unknownTable(let name, let known):
            let list = known.isEmpty ? "it has no tables" : "its tables are " + known.joined(separator: ", ")
            return "The recording has no table '\(name)'; \(list)."
        case .noPrimaryKey(let table):
            return "Table \(table) has no primary key: the events carry no message key and no 'id' column; name its key columns with --key \(table)=COL[,COL]."
        case .noUsableKey(let table, let detail):
            return "An event of table \(table) has no usable key (\(detail))."
        case .invalidChange(let table, let detail):
            return "An event of table \(table) cannot be applied: \(detail)."
        case .historyRewritten(let path, _):
            return "\(path) was rewritten by the capture or ingest writing it while it was read (late events re-derived its end); read it again."
        }
    }
}
