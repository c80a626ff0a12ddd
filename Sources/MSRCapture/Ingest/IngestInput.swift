import Foundation

/// One input of an ingest (a file, or standard input), read a batch of lines at a time.
///
/// Standard input is also copied to a spool file, so refused lines can be read back for the
/// reject file once the ingest is done.
final class IngestInput {
    /// The input's index among the ingest's paths; the high bits of its changes' origins.
    let index: Int
    /// How the input is named in reports (`stdin` for `-`).
    let name: String
    /// The file refused lines are read back from: the input itself, or stdin's spool.
    let readBackPath: String
    /// The input's size when known (not for standard input).
    let size: Int64?
    private let handle: FileHandle
    private let reader: LineReader
    private let spool: FileHandle?
    private(set) var lines = 0
    private(set) var bytesRead: Int64 = 0
    private(set) var isFinished = false

    /// Opens `path` (`-` is standard input), the `index`-th input of the ingest.
    init(path: String, index: Int) throws(IngestError) {
        self.index = index
        if path == "-" {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("msr-stdin-\(getpid())-\(index).ndjson")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            guard let spool = try? FileHandle(forWritingTo: url) else { throw .cannotWrite(url.path) }
            name = "stdin"
            readBackPath = url.path
            size = nil
            handle = FileHandle.standardInput
            self.spool = spool
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotRead(path) }
            name = path
            readBackPath = path
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
            self.handle = handle
            spool = nil
        }
        reader = LineReader(handle: handle)
    }

    deinit {
        if spool != nil {
            try? spool?.close()
            try? FileManager.default.removeItem(atPath: readBackPath)
        } else {
            try? handle.close()
        }
    }

    /// The next (up to) `limit` lines; marks the input finished at its end.
    func read(limit: Int) -> LineBatch {
        var batch = LineBatch()
        var taken = 0
        reader.forEachLine { line, offset in
            lines += 1
            taken += 1
            bytesRead = offset + Int64(line.count) + 1
            batch.append(line, number: lines, offset: offset)
            return taken < limit
        }
        if taken < limit { isFinished = true }
        spool?.write(batch.text)
        return batch
    }
}
