import CSQLite3
import Foundation

/// SQLite's result codes turned into what went wrong for the user (`RecordingError`).
///
/// SQLite opens a file lazily, so a full disk, a read-only mount or a truncated file shows up
/// on the first read or write, often under a general code; the operating system's errno
/// (`sqlite3_system_errno`) and, for damage, the file's own header say which it is.
extension RecordingError {
    /// The error for SQLite's failure `error` on the recording at `path`.
    static func opening(path: String, _ error: SQLiteError) -> RecordingError {
        switch error.primaryCode {
        case SQLITE_FULL:
            return .diskFull(path: path)
        case SQLITE_READONLY:
            return .readOnly(path: path)
        case SQLITE_PERM, SQLITE_AUTH:
            return .permissionDenied(path: path)
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            if let t = truncation(path) { return .truncated(path: path, bytes: t.bytes, expected: t.expected) }
            return error.primaryCode == SQLITE_NOTADB ? .notARecording(path: path) : .corrupt(path: path, detail: error.message)
        case SQLITE_CANTOPEN, SQLITE_IOERR:
            switch error.systemErrno {
            case ENOSPC, EDQUOT: return .diskFull(path: path)
            case EROFS: return .readOnly(path: path)
            case EACCES, EPERM: return .permissionDenied(path: path)
            default: break
            }
            // SQLite does not always keep the errno of a failed open: ask the file system.
            let directory = (path as NSString).deletingLastPathComponent
            if SQLiteConnection.onReadOnlyFileSystem(path) || SQLiteConnection.onReadOnlyFileSystem(directory.isEmpty ? "." : directory) {
                return .readOnly(path: path)
            }
            if access(path, R_OK) != 0 && errno == EACCES { return .permissionDenied(path: path) }
            if let t = truncation(path) { return .truncated(path: path, bytes: t.bytes, expected: t.expected) }
            if error.primaryCode == SQLITE_CANTOPEN { return .cannotOpen(path: path, detail: error.message) }
            return .storage(path: path, detail: error.message)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .storage(path: path, detail: "the recording is locked by another process (\(error.message))")
        default:
            return .storage(path: path, detail: error.message)
        }
    }

    /// The file's length and the length its SQLite header counts (page size × pages), when
    /// the file is shorter; nil when it is whole or is not an SQLite file at all.
    static func truncation(_ path: String) -> (bytes: Int64, expected: Int64)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let magic = Array("SQLite format 3\u{0}".utf8)
        // Cut inside the header itself: a prefix of the magic is all that is left.
        if header.count < 100 {
            let n = min(header.count, magic.count)
            return n > 0 && Array(header[0..<n]) == Array(magic[0..<n]) ? (size, 100) : nil
        }
        guard Array(header[0..<16]) == magic else { return nil }
        // Offsets 16 (page size, 1 meaning 65536) and 28 (pages), big-endian.
        let rawSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawSize == 1 ? 65536 : rawSize
        let pages = header[28..<32].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        let expected = pageSize * pages
        return size < expected ? (size, expected) : nil
    }
}
