import Dispatch
import Foundation
import MSRModel
import MSRStore

/// A filter's density counted on a queue of its own, with progress and cancellation.
///
/// The job opens its own store connection on its queue (the render thread never reads the
/// store), counts with `FilterDensity` a batch at a time, and after each batch publishes its
/// state and calls `onUpdate` on the notify queue; the console pulls `state` then. `cancel()`
/// stops it after the batch under way.
public final class DensityJob: @unchecked Sendable {
    // Safety: `current` and `cancelled` are guarded by `lock`; the store is used on `queue` only.

    public enum State: Sendable {
        case running(FilterDensity.Progress)
        case finished([Int])
        case failed(RecordingError)
        case cancelled
    }

    public let density: FilterDensity
    let openStore: @Sendable () throws(RecordingError) -> RecordingStore
    let queue: DispatchQueue
    let notifyQueue: DispatchQueue
    let onUpdate: @Sendable () -> Void
    let lock = NSLock()
    let done = DispatchGroup()
    var current: State = .running(FilterDensity.Progress(throughSeq: 0, lastSeq: 0, matched: 0))
    var cancelled = false
    var started = false

    public init(density: FilterDensity, openStore: @escaping @Sendable () throws(RecordingError) -> RecordingStore,
                notifyQueue: DispatchQueue = .main, onUpdate: @escaping @Sendable () -> Void = {}) {
        self.density = density
        self.openStore = openStore
        self.queue = DispatchQueue(label: "msr.density", qos: .utility)
        self.notifyQueue = notifyQueue
        self.onUpdate = onUpdate
    }

    /// What the job has come to: progress, the counts, a failure, or that it was cancelled.
    public var state: State {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Starts the count (once; later calls do nothing).
    public func start() {
        lock.lock()
        let first = !started
        started = true
        lock.unlock()
        guard first else { return }
        done.enter()
        queue.async { [self] in
            defer { done.leave() }
            let outcome: State
            do throws(RecordingError) {
                let store = try openStore()
                let counts = try density.count(in: store) { progress in
                    publish(.running(progress))
                    return !isCancelled
                }
                outcome = counts.map { .finished($0) } ?? .cancelled
            } catch {
                outcome = .failed(error)
            }
            publish(outcome)
        }
    }

    /// Stops the count after the batch under way; its state becomes `cancelled`.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Blocks until the job has ended, and gives its last state (for tests and the CLI).
    public func wait() -> State {
        done.wait()
        return state
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private func publish(_ state: State) {
        lock.lock()
        current = state
        lock.unlock()
        notifyQueue.async(execute: onUpdate)
    }
}
