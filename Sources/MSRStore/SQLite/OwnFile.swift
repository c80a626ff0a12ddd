import Foundation

/// Removing a file msr made, and nothing else in its place.
///
/// Every caller knows the path is its own (it created it, or identified it as an msr
/// recording); this is the last guard against what may have appeared there since: only a
/// regular file is unlinked, never a directory (which `FileManager.removeItem` would empty
/// recursively), a symbolic link's target, a FIFO or a device.
public enum OwnFile {
    /// Unlinks `path` when it is a regular file; anything else there is left alone.
    public static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        unlink(path)
    }

    /// What SQLite keeps beside a database file and takes as that database's own: it replays,
    /// overwrites or deletes them when it opens the file.
    public static let sqliteCompanions = ["-wal", "-shm", "-journal"]

    /// `remove` of a database file msr made and of its companions.
    public static func removeDatabase(_ path: String) {
        remove(path, suffixes: [""] + sqliteCompanions)
    }

    /// `remove` of `path` followed by each suffix (`""` for the path itself).
    public static func remove(_ path: String, suffixes: [String]) {
        for suffix in suffixes { remove(path + suffix) }
    }
}
