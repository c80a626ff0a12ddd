import Foundation
import MSREngine

/// Waiting until the screen stops changing by itself: for scripts and tests, whose output
/// must not depend on how fast the feeds worked.
extension ConsoleApp {
    /// Whether time moves only when a test says so: then waiting for the prefetch to finish
    /// is finite, and what is shown is the same on every run.
    public var isSteppedByHand: Bool { clock is ManualClock }

    /// Ticks until every pane shows the frame of its position and, where the playhead stands
    /// still, no feed is still working (or `timeout` seconds pass); returns whether it settled.
    ///
    /// With the system clock a playing session moves on while this waits, as it would on
    /// screen, so only its current frame is waited for.
    @discardableResult
    public func settle(timeout: Double = 5) -> Bool {
        // Playing on the real clock the position moves on every tick, and a frame not ready
        // is replaced by the latest one passed: there is nothing steady to wait for.
        if !isSteppedByHand && sessions.values.contains(where: { $0.playhead.isPlaying }) {
            tick()
            return true
        }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            tick()
            let pending = panes.values.contains { pane in
                guard pane.feed.error == nil, let plan = try? plan(for: pane) else { return false }
                let still = isSteppedByHand || !plan.isPlaying
                return pane.frame?.seq != plan.seq || (still && !pane.feed.isIdle)
            }
            if !pending { return true }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return false
    }
}
