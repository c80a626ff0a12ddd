import Dispatch
import Foundation

/// Where a session reads wall-clock time, in seconds; injected so tests can step it.
public protocol ReplayClock: AnyObject, Sendable {
    var now: Double { get }
}

/// The machine's monotonic clock.
public final class SystemClock: ReplayClock {
    public init() {}
    public var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// A clock that moves only when told to.
public final class ManualClock: ReplayClock, @unchecked Sendable {
    // Safety: `seconds` is only touched under `lock`.
    private let lock = NSLock()
    private var seconds: Double

    public init(_ start: Double = 0) { seconds = start }

    public var now: Double { lock.withLock { seconds } }

    public func advance(by delta: Double) { lock.withLock { seconds += delta } }
}
