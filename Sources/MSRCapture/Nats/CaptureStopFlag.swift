import Foundation

/// A request to stop a running capture, set from another thread (a signal handler's queue,
/// a test) and read by the capture loop between batches.
public final class CaptureStopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    public init() {}

    public func stop() {
        lock.withLock { stopped = true }
    }

    public var isStopped: Bool {
        lock.withLock { stopped }
    }
}
