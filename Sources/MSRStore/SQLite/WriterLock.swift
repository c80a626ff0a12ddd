import Foundation

/// The one-writer-at-a-time lock of a recording: an exclusive `flock` on the file itself.
///
/// Two writers would each number events from the last seq they saw and the loser would fail
/// on SQLite's unique constraint halfway through; with the lock the second is refused before
/// it writes anything. `flock` locks are apart from the POSIX locks SQLite takes, and the
/// kernel drops them when the process ends, so a killed writer leaves none behind; nothing is
/// created beside the recording.
final class WriterLock {
    private let descriptor: Int32

    /// Takes the lock, or throws `busyWriter` when another open store holds it.
    init(path: String) throws(RecordingError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .storage(path: path, detail: "cannot open it to lock it: \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            if busy { throw .busyWriter(path: path) }
            throw .storage(path: path, detail: "cannot lock it for writing: \(reason)")
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
