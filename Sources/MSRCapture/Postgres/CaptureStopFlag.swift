import Foundation

/// A request to stop, set from a signal handler's queue and read by the capture loop.
public final class CaptureStopFlag: @unchecked Sendable {
    // @unchecked: the one mutable field is only touched under `lock`.
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }
}
