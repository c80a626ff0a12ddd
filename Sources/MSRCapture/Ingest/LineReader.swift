import Foundation

/// Reads a file (or standard input) line by line in large chunks, handing out each line's
/// bytes without copying, with its byte offset in the input.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    /// Bytes of the input consumed before `buffer[0]`.
    private var base: Int64 = 0
    private let chunkSize = 4 << 20

    init(handle: FileHandle) { self.handle = handle }

    /// Calls `body` with each line (without its newline) and the line's byte offset, until the
    /// input ends or `body` returns false.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Bool) rethrows {
        while true {
            if let newline = findNewline() {
                let lineStart = start
                start = newline + 1
                let go = try buffer.withUnsafeBufferPointer { buf in
                    try body(UnsafeBufferPointer(rebasing: buf[lineStart..<newline]), base + Int64(lineStart))
                }
                if !go { return }
                continue
            }
            if eof {
                if start < buffer.count {
                    let lineStart = start
                    start = buffer.count
                    _ = try buffer.withUnsafeBufferPointer { buf in
                        try body(UnsafeBufferPointer(rebasing: buf[lineStart...]), base + Int64(lineStart))
                    }
                }
                return
            }
            refill()
        }
    }

    private var searchFrom = 0

    private func findNewline() -> Int? {
        let from = max(start, searchFrom)
        let found = buffer.withUnsafeBufferPointer { buf -> Int? in
            guard from < buf.count, let base = buf.baseAddress else { return nil }
            guard let p = memchr(base + from, 0x0A, buf.count - from) else { return nil }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
        searchFrom = found.map { $0 + 1 } ?? buffer.count
        return found
    }

    private func refill() {
        if start > 0 {
            base += Int64(start)
            buffer.removeSubrange(0..<start)
            searchFrom -= start
            start = 0
        }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty { eof = true } else { buffer.append(contentsOf: data) }
    }
}
