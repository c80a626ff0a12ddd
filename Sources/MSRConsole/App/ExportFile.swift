import Foundation

/// A file the console creates for an export, never one that was there before.
///
/// It is opened with `O_CREAT | O_EXCL | O_NOFOLLOW`, so a path that already names anything —
/// a file, a symlink (even a dangling one), a FIFO, a device — is refused rather than
/// written through or replaced. Removing it (a cancelled or failed export) checks that the
/// path still names the very file made here.
final class ExportFile: @unchecked Sendable {
    let path: String
    private var descriptor: Int32
    private let device: UInt64
    private let inode: UInt64

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
        var st = stat()
        fstat(descriptor, &st)
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    deinit { close() }

    /// Why a file could not be made: `exists` when the path names something already.
    enum Failure: Error {
        case exists
        case other(String)
    }

    static func create(_ path: String) -> Result<ExportFile, Failure> {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            return .failure(code == EEXIST ? .exists : .other(String(cString: strerror(code))))
        }
        return .success(ExportFile(path: path, descriptor: fd))
    }

    /// `path`, or when it exists and `numbered` is set the first free `NAME-2.EXT`, `NAME-3.EXT`, ….
    static func create(_ path: String, numbered: Bool) throws(CommandError) -> ExportFile {
        let ext = (path as NSString).pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        for n in 1...(numbered ? 1000 : 1) {
            let candidate = n == 1 ? path : "\(stem)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
            switch create(candidate) {
            case .success(let file): return file
            case .failure(.exists): continue
            case .failure(.other(let reason)):
                throw CommandError("Cannot write \(candidate): \(reason); check the directory and its permissions.")
            }
        }
        throw CommandError("\(path) already exists; msr does not replace files, so give a new name or a directory.")
    }

    /// Writes all of `text`.
    func write(_ text: String) throws(CommandError) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandError("Cannot write \(path): \(String(cString: strerror(errno))); the export stopped.")
            }
            bytes = bytes.dropFirst(n)
        }
    }

    func close() {
        guard descriptor >= 0 else { return }
        Foundation.close(descriptor)
        descriptor = -1
    }

    /// Closes and deletes the file, if the path still names the file made here.
    func remove() {
        close()
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
              UInt64(st.st_dev) == device, UInt64(st.st_ino) == inode else { return }
        unlink(path)
    }
}
