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
    private let spool: FileHandle?
    /// Bytes read after the last complete line handed out, and where they start in the input.
    private var carry: [UInt8] = []
    private var carryOffset: Int64 = 0
    private var atEnd = false
    private(set) var lines = 0
    private(set) var bytesRead: Int64 = 0
    private(set) var isFinished = false
    /// Bytes asked of the system at a time.
    private let chunkSize = 4 << 20

    /// Opens `path` (`-` is standard input), the `index`-th input of the ingest.
    init(path: String, index: Int) throws(IngestError) {
        self.index = index
        if path == "-" {
            // A name of its own, created exclusively: never a file that was already there.
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("msr-stdin-\(getpid())-\(index)-\(UUID().uuidString).ndjson")
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw .cannotWrite(url.path) }
            let spool = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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
    }

    deinit {
        if spool != nil {
            try? spool?.close()
            try? FileManager.default.removeItem(atPath: readBackPath)
        } else {
            try? handle.close()
        }
    }

    /// The next (up to) `limit` lines, read straight into the batch's buffer; marks the input
    /// finished at its end.
    func read(limit: Int) -> LineBatch {
        var bytes: [UInt8] = []
        swap(&bytes, &carry)
        var found: [LineBatch.Line] = []
        found.reserveCapacity(limit)
        var lineStart = 0, scan = 0
        while found.count < limit {
            if let newline = Self.newline(in: bytes, from: scan) {
                lines += 1
                found.append(.init(start: lineStart, length: newline - lineStart, number: lines,
                                   offset: carryOffset + Int64(lineStart)))
                lineStart = newline + 1
                scan = lineStart
                continue
            }
            scan = bytes.count
            if atEnd {
                if lineStart < bytes.count {
                    lines += 1
                    found.append(.init(start: lineStart, length: bytes.count - lineStart, number: lines,
                                       offset: carryOffset + Int64(lineStart)))
                    lineStart = bytes.count
                }
                isFinished = true
                break
            }
            fill(&bytes)
        }
        carry = Array(bytes[lineStart...])
        bytes.removeSubrange(lineStart...)
        carryOffset += Int64(lineStart)
        bytesRead = carryOffset
        if !isFinished, atEnd, carry.isEmpty { isFinished = true }
        let batch = LineBatch(bytes: bytes, lines: found)
        // A spool the disk cannot hold costs only the text of refused lines, not the ingest.
        if !bytes.isEmpty { try? spool?.write(contentsOf: Data(bytes)) }
        return batch
    }

    /// Appends the next chunk of input to `bytes` (at least as much as it holds, so a batch is
    /// copied a bounded number of times); notes the end of the input.
    private func fill(_ bytes: inout [UInt8]) {
        let old = bytes.count
        let want = max(chunkSize, old)
        let fd = handle.fileDescriptor
        var got = 0
        bytes = [UInt8](unsafeUninitializedCapacity: old + want) { buf, count in
            guard let base = buf.baseAddress else { return }
            bytes.withUnsafeBytes { previous in
                if let from = previous.baseAddress { UnsafeMutableRawPointer(base).copyMemory(from: from, byteCount: old) }
            }
            while true {
                let n = Foundation.read(fd, base + old, want)
                if n < 0 && errno == EINTR { continue }
                got = max(0, n)
                break
            }
            count = old + got
        }
        if got == 0 { atEnd = true }
    }

    private static func newline(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            guard from < buf.count, let base = buf.baseAddress,
                  let p = memchr(base + from, 0x0A, buf.count - from) else { return nil }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }
}
