import Foundation

/// msr-bench's work directory (`--work DIR`), where exercises, baselines and inputs are
/// written, and from which msr-bench removes only what it made.
///
/// The names a run writes are claimed before it starts. In a directory msr-bench did not
/// make or keep (it has no marker file), a claimed name that is already taken is refused, so a
/// user's file is never overwritten. At the end (unless `--keep`) msr-bench removes the claimed
/// files (with the `-wal`, `-shm`, `.partial` … files msr makes beside them), its marker, and
/// the directories it created, each only if empty: whatever else is there stays.
final class WorkDirectory {
    static let marker = ".msr-bench-work"
    /// What msr and SQLite write beside a file of a claimed name.
    static let companions = ["", "-wal", "-shm", "-journal", ".partial", ".partial-wal", ".partial-shm",
                             ".rejects.ndjson", ".generate-seconds"]
    let path: String
    let keep: Bool
    /// Directories this run created, outermost first.
    private var created: [String] = []
    /// Whether an earlier run marked the directory as msr-bench's (kept with `--keep`).
    private let kept: Bool
    private var claimed: [String] = []

    init(path: String, keep: Bool) throws {
        self.path = path
        self.keep = keep
        var missing: [String] = []
        var dir = URL(fileURLWithPath: path).standardizedFileURL
        while !Self.exists(dir.path) && dir.path != "/" {
            missing.insert(dir.path, at: 0)
            dir.deleteLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        if missing.isEmpty {
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Spawn.Failure(description: "--work \(path) is not a directory; give a directory (it is created when missing)")
            }
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        created = missing
        kept = Self.exists(path + "/" + Self.marker)
        if !kept {
            let fd = open(path + "/" + Self.marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Spawn.Failure(description: "cannot write in --work \(path): \(String(cString: strerror(errno)))") }
            close(fd)
        }
    }

    /// Claims `names` for this run: refused when one of them (or a companion) is already
    /// there and the directory is not one msr-bench kept.
    func claim(_ names: [String]) throws {
        for name in names where !claimed.contains(name) {
            if !kept, let taken = Self.companions.map({ file(name) + $0 }).first(where: Self.exists) {
                throw Spawn.Failure(description: "\(taken) is already there and msr-bench did not make it; "
                                    + "give --work a new or empty directory, or move the file away")
            }
            claimed.append(name)
        }
    }

    /// The path of a claimed name.
    func file(_ name: String) -> String { path + "/" + name }

    /// Removes what this run made, unless kept.
    func finish() {
        guard !keep else { return }
        for name in claimed {
            for suffix in Self.companions { try? FileManager.default.removeItem(atPath: file(name) + suffix) }
        }
        // A marker an earlier, kept run left still speaks for that run's files, if any remain.
        let rest = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !kept || rest == [Self.marker] { unlink(path + "/" + Self.marker) }
        for dir in created.reversed() { rmdir(dir) }
    }

    private static func exists(_ path: String) -> Bool {
        var s = stat()
        return lstat(path, &s) == 0
    }
}
