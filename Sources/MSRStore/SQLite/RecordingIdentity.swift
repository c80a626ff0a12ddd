import Foundation

/// What is at a path, as far as msr's own recordings go, found without changing anything.
///
/// Commands that would replace a file (`msr generate --force`, `msr demo` renewing its cached
/// demo) act only on `.recording`: a file whose `meta` table says msr wrote it. Anything else a
/// user keeps at that path is refused, never removed.
public enum RecordingIdentity: Equatable, Sendable {
    /// Nothing at the path (not even a dangling symbolic link).
    case missing
    /// A directory, FIFO, device, socket or dangling link: never opened, never a recording.
    case notRegularFile
    /// A regular file that is not an msr recording, or could not be read to find out.
    case otherFile
    /// An msr recording of the given format version (older and newer ones included).
    case recording(formatVersion: Int)

    /// Whether this msr reads the recording's format as it is.
    public var isCurrentRecording: Bool { self == .recording(formatVersion: SQLiteSchema.formatVersion) }

    /// The format version this msr writes.
    public static var currentFormatVersion: Int { SQLiteSchema.formatVersion }
}

extension SQLiteRecordingStore {
    /// Finds out what `path` holds: the file type first (so a FIFO is never opened and cannot
    /// hang), then the SQLite header, then the `meta` table through a read-only connection.
    public static func identify(_ path: String) -> RecordingIdentity {
        var link = stat()
        guard lstat(path, &link) == 0 else { return .missing }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .notRegularFile }
        guard hasSQLiteHeader(path) else { return .otherFile }
        guard let db = try? SQLiteConnection(path: path, readOnly: true),
              let s = try? db.prepare("SELECT key, value FROM meta WHERE key IN ('application', 'format_version')")
        else { return .otherFile }
        var application: String?, version: Int?
        while (try? s.step()) == true {
            switch s.text(0) {
            case "application": application = s.text(1)
            case "format_version": version = Int(s.text(1))
            default: break
            }
        }
        s.finish()
        guard application == SQLiteSchema.application, let version else { return .otherFile }
        return .recording(formatVersion: version)
    }

    /// Whether the file starts as every SQLite database does ("SQLite format 3\0"), read with
    /// a plain `open`, so SQLite never touches a file that is not one.
    private static func hasSQLiteHeader(_ path: String) -> Bool {
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Foundation.close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let n = header.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, 16) }
        return n == 16 && header == Array("SQLite format 3".utf8) + [0]
    }
}
