import MSRModel

/// What went wrong with a recording, said so that the user knows what to do next.
public enum RecordingError: Error, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case notARecording(path: String)
    case newerVersion(path: String, found: Int, supported: Int)
    case olderVersion(path: String, found: Int, supported: Int)
    case corrupt(path: String, detail: String)
    case storage(path: String, detail: String)
    case unknownTable(name: String, known: [String])
    case noPrimaryKey(table: String)
    case noUsableKey(table: String, detail: String)
    case invalidChange(table: String, detail: String)

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
        case .unknownTable(let name, let known):
            let list = known.isEmpty ? "it has no tables" : "its tables are " + known.joined(separator: ", ")
            return "The recording has no table '\(name)'; \(list)."
        case .noPrimaryKey(let table):
            return "Table \(table) has no primary key: the events carry no message key and no 'id' column; name its key columns with --key \(table)=COL[,COL]."
        case .noUsableKey(let table, let detail):
            return "An event of table \(table) has no usable key (\(detail))."
        case .invalidChange(let table, let detail):
            return "An event of table \(table) cannot be applied: \(detail)."
        }
    }
}
