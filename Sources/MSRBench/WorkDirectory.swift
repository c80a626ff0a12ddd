import Foundation
import MSRStore

/// msr-bench's work directory (`--work DIR`), where exercises, baselines and inputs are
/// written, and from which msr-bench removes only what it made.
///
/// The names a run writes are claimed before it starts, and a claimed file that is already
/// there is refused, so a user's file is never overwritten — unless a run kept with `--keep`
/// left it: such a run writes a marker file that lists the files it left, and only those are
/// taken as msr-bench's (to reuse, or to remove). At the end (unless `--keep`) msr-bench
/// removes the claimed files (with the `-wal`, `-shm`, `.partial` … files msr makes beside
/// them), regular files only, its marker, and the directories it created, each only if empty:
/// whatever else is there stays.
final class WorkDirectory {
    static let marker = ".msr-bench-work"
    /// The marker's first line; a file of that name without it is not msr-bench's.
    static let markerHeader = "msr-bench work directory; files a kept run left:"
    /// What msr and SQLite write beside a file of a claimed name.
    static let companions = ["", "-wal", "-shm", "-journal", ".partial", ".partial-wal", ".partial-shm",
                             ".rejects.ndjson", ".generate-seconds"]
    let path: String
    let keep: Bool
    /// Directories this run created, outermost first.
    private var created: [String] = []
    /// Files (names in the directory) a kept run left, as its marker lists them.
    private let inherited: Set<String>
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
        let markerPath = path + "/" + Self.marker
        if Self.exists(markerPath) {
            guard let listed = Self.readMarker(markerPath) else {
                throw Spawn.Failure(description: "\(markerPath) is not msr-bench's marker, so msr-bench leaves this directory alone; "
                                    + "give --work a new or empty directory")
            }
            inherited = listed
        } else {
            inherited = []
            try Self.writeMarker(markerPath, listing: [], exclusive: true)
        }
    }

    /// Claims `names` for this run: refused when one of them (or a companion) is already
    /// there and no kept run's marker lists it.
    func claim(_ names: [String]) throws {
        for name in names where !claimed.contains(name) {
            let taken = Self.companions.map { name + $0 }.first { Self.exists(file($0)) && !inherited.contains($0) }
            if let taken {
                // A refused run takes nothing: its end removes no claimed file.
                claimed.removeAll()
                throw Spawn.Failure(description: "\(file(taken)) is already there and msr-bench did not make it; "
                                    + "give --work a new or empty directory, or move the file away")
            }
            claimed.append(name)
        }
    }

    /// The path of a claimed name.
    func file(_ name: String) -> String { path + "/" + name }

    /// Removes what this run made, or with `--keep` lists it in the marker for the next run.
    func finish() {
        let markerPath = path + "/" + Self.marker
        let mine = claimed.flatMap { name in Self.companions.map { name + $0 } }
        if keep {
            let left = Set(mine.filter { Self.exists(file($0)) }).union(inherited.filter { Self.exists(file($0)) })
            try? Self.writeMarker(markerPath, listing: left, exclusive: false)
            return
        }
        for name in mine { OwnFile.remove(file(name)) }
        // Files an earlier kept run left under names this run did not claim are still its.
        let stillListed = inherited.subtracting(mine).filter { Self.exists(file($0)) }
        if stillListed.isEmpty { OwnFile.remove(markerPath) } else { try? Self.writeMarker(markerPath, listing: stillListed, exclusive: false) }
        for dir in created.reversed() { rmdir(dir) }
    }

    /// The names a marker lists, or nil when the file is not a marker msr-bench wrote.
    private static func readMarker(_ path: String) -> Set<String>? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == markerHeader else { return nil }
        lines.removeFirst()
        // Names only: a line naming another directory's file is not one of this directory's.
        return Set(lines.filter { !$0.contains("/") && $0 != "." && $0 != ".." })
    }

    private static func writeMarker(_ path: String, listing names: Set<String>, exclusive: Bool) throws {
        let text = ([markerHeader] + names.sorted()).joined(separator: "\n") + "\n"
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw Spawn.Failure(description: "cannot write in --work \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Foundation.write(fd, bytes, bytes.count) == bytes.count else {
            throw Spawn.Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func exists(_ path: String) -> Bool {
        var s = stat()
        return lstat(path, &s) == 0
    }
}
