import Foundation

/// What a store found damaged while lazily loaded rows were read, from any thread.
///
/// A lazy keyframe page is read when something first looks at its rows, often on another
/// thread (a console draws on the main thread) and inside a lookup that cannot throw; the page
/// then loads empty and its damage is recorded here, so whoever shows the rows can ask after
/// and say the recording is damaged instead of showing what is left.
///
/// A page that is gone because the writer rewrote the history since the tree was built
/// (`RecordingError.historyRewritten`, naming the revision the tree was read under) is no
/// damage: it is kept apart, in `rewrites` and `staleRevision`, and never becomes `error`, so
/// a reader that follows a recording being written reads it again instead.
public final class DamageMonitor: @unchecked Sendable {
    // Safety: `first`, `found`, `rewritten` and `stale` are only used under `lock`.
    private let lock = NSLock()
    private var first: RecordingError?
    private var found = 0
    private var rewritten = 0
    private var stale: Int64?

    public init() {}

    /// How many reads found damage.
    public var count: Int { lock.withLock { found } }

    /// The first damage found, as the error to report; nil while everything read was whole.
    public var error: RecordingError? { lock.withLock { first } }

    /// How many reads found their page gone because the history was rewritten meanwhile.
    public var rewrites: Int { lock.withLock { rewritten } }

    /// The newest history revision a tree was read under whose pages a rewrite took away:
    /// whatever was read under it or an earlier one belongs to an earlier history.
    public var staleRevision: Int64? { lock.withLock { stale } }

    /// Throws the first damage found, if any.
    public func check() throws(RecordingError) {
        if let e = error { throw e }
    }

    public func record(_ error: RecordingError) {
        lock.withLock {
            if case .historyRewritten(_, let revision) = error {
                rewritten += 1
                stale = max(stale ?? revision, revision)
                return
            }
            found += 1
            if first == nil { first = error }
        }
    }
}
