/// A source of input events: the real terminal, or a scripted queue in tests.
public protocol InputSource: AnyObject {
    /// The next event, waiting at most `timeoutMilliseconds` (nil: until one arrives;
    /// 0: only what is already there) and returning `.timeout` if none came.
    func readEvent(timeoutMilliseconds: Int?) -> InputEvent
}

/// Input from a list given up front, for tests and headless runs: events come out in order,
/// then `.timeout` forever.
public final class QueuedInput: InputSource {
    private var pending: [InputEvent]
    private var next = 0

    public init(_ events: [InputEvent] = []) {
        pending = events
    }

    /// Adds events after those not yet read.
    public func append(_ events: InputEvent...) {
        pending.append(contentsOf: events)
    }

    public var isEmpty: Bool { next >= pending.count }

    public func readEvent(timeoutMilliseconds: Int?) -> InputEvent {
        guard next < pending.count else { return .timeout }
        defer { next += 1 }
        return pending[next]
    }
}
