import Foundation

/// What a store found damaged while lazily loaded rows were read, from any thread.
///
/// A lazy keyframe page is read when something first looks at its rows, often on another
/// thread (a console draws on the main thread) and inside a lookup that cannot throw; the page
/// then loads empty and its damage is recorded here, so whoever shows the rows can ask after
/// and say the recording is damaged instead of showing what is left.
public final class DamageMonitor: @unchecked Sendable {
    // Safety: `first` and `count` are only used under `lock`.
    private let lock = NSLock()
    private var first: RecordingError?
    private var found = 0

    public init() {}

    /// How many reads found damage.
    public var count: Int { lock.withLock { found } }

    /// The first damage found, as the error to report; nil while everything read was whole.
    public var error: RecordingError? { lock.withLock { first } }

    /// Throws the first damage found, if any.
    public func check() throws(RecordingError) {
        if let e = error { throw e }
    }

    public func record(_ error: RecordingError) {
        lock.withLock {
            found += 1
            if first == nil { first = error }
        }
    }
}
