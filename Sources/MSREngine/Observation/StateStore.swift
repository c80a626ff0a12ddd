import Dispatch

/// A token that stops a subscription when passed to `unsubscribe`.
public struct Subscription: Hashable, Sendable {
    let id: Int
}

/// An observable value: subscribers are told of every new value on the notify queue (the main
/// queue by default), and derived stores follow a transform of it.
///
/// Values are immutable snapshots (frames, view rows), so a subscriber may keep one. Updating
/// and subscribing happen on the owner's thread.
public final class StateStore<State: Sendable> {
    public private(set) var state: State
    private var subscribers: [Int: (State) -> Void] = [:]
    private var nextID = 0
    private let notifyQueue: DispatchQueue?

    /// `notifyQueue` nil tells subscribers synchronously, on the updating thread.
    public init(_ initial: State, notifyQueue: DispatchQueue? = .main) {
        state = initial
        self.notifyQueue = notifyQueue
    }

    @discardableResult
    public func subscribe(_ handler: @escaping (State) -> Void) -> Subscription {
        nextID += 1
        subscribers[nextID] = handler
        return Subscription(id: nextID)
    }

    public func unsubscribe(_ subscription: Subscription) {
        subscribers[subscription.id] = nil
    }

    public var subscriberCount: Int { subscribers.count }

    /// Sets the value and tells every subscriber.
    public func update(_ new: State) {
        state = new
        let handlers = Array(subscribers.values)
        if let q = notifyQueue {
            let delivery = Delivery(handlers: handlers, value: new)
            q.async { delivery.run() }
        } else {
            for h in handlers { h(new) }
        }
    }

    /// A store that holds `transform` of this one's value and follows it. Dropping the derived
    /// store's last reference stops it.
    public func derived<D: Sendable>(_ transform: @escaping (State) -> D) -> StateStore<D> {
        let child = StateStore<D>(transform(state), notifyQueue: notifyQueue)
        var token: Subscription?
        token = subscribe { [weak self, weak child] value in
            guard let child else {
                if let token, let self { self.unsubscribe(token) }
                return
            }
            child.update(transform(value))
        }
        return child
    }
}

/// Carries handlers to the notify queue; the owner's thread and that queue are the same one
/// (the main queue) in the console, so the handlers never run concurrently.
private struct Delivery<State: Sendable>: @unchecked Sendable {
    let handlers: [(State) -> Void]
    let value: State

    func run() { for h in handlers { h(value) } }
}
