import Foundation

/// A file opened to append to, never truncated or replaced, whose write errors (a full disk, a
/// read-only mount, a file-size limit) are thrown rather than trapped as `FileHandle.write` does.
///
/// The reject files use it: each run adds its lines after the earlier runs'.
final class AppendingFile {
    let path: String
    private var fd: Int32

    /// Opens `path` for appending, creating it when missing. `O_NONBLOCK` makes a FIFO with
    /// no reader an error instead of a wait for ever.
    init(path: String) throws(AppendingFileError) {
        self.path = path
        fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AppendingFileError(path: path, errno: errno) }
    }

    deinit { close() }

    /// Appends all of `bytes`.
    func write(_ bytes: [UInt8]) throws(AppendingFileError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + done, buffer.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw AppendingFileError(path: path, errno: errno)
            }
            done += n
        }
    }

    /// Makes what was written durable (`fsync`); devices and pipes that cannot sync are fine.
    func synchronize() throws(AppendingFileError) {
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            throw AppendingFileError(path: path, errno: errno)
        }
    }

    func close() {
        if fd >= 0 { _ = Foundation.close(fd) }
        fd = -1
    }
}

/// A reject file that could not be opened or written, with the system's reason.
struct AppendingFileError: Error, CustomStringConvertible {
    var path: String
    var errno: Int32

    var description: String {
        "Cannot write \(path): \(String(cString: strerror(errno)))"
    }
}
