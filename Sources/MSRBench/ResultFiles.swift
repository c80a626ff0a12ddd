import Foundation

/// The report files of a run, `NAME.json` and `NAME.md` in the results directory. They are
/// new files only: a name that is taken (a run in the same second, or anyone's file) gets
/// `-2`, `-3` …, so an earlier report or a user's file is never replaced.
enum ResultFiles {
    /// Writes both files; returns the path they share without the extension.
    static func write(json: Data, markdown: Data, in directory: String, named name: String) throws -> String {
        for n in 1...1000 {
            let base = directory + "/" + name + (n == 1 ? "" : "-\(n)")
            guard let jsonFile = try create(base + ".json") else { continue }
            guard let mdFile = try create(base + ".md") else {
                try? jsonFile.close()
                unlink(base + ".json")
                continue
            }
            defer { try? jsonFile.close(); try? mdFile.close() }
            try jsonFile.write(contentsOf: json)
            try mdFile.write(contentsOf: markdown)
            return base
        }
        throw Spawn.Failure(description: "cannot find a free name for the report in \(directory)")
    }

    /// A new file at `path`, or nil when something is there already.
    private static func create(_ path: String) throws -> FileHandle? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { return nil }
            throw Spawn.Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}
