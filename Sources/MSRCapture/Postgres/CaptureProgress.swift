import Foundation
import MSRModel

/// What a running capture reports, about once a second.
public struct CaptureProgress: Sendable {
    /// Events recorded since the capture started (snapshot reads included).
    public var events: Int
    /// Events recorded per second over the last report interval.
    public var eventsPerSecond: Double
    /// WAL bytes the server has written beyond the position confirmed as recorded.
    public var lagBytes: UInt64
    /// How long ago the server was where the recording is now; nil until two samples of the
    /// server's position tell.
    public var lagSeconds: Double?
    /// The position confirmed to the server as durably recorded.
    public var confirmed: LSN
}

/// What a capture did, when it stops.
public struct CaptureSummary: Sendable {
    public var events = 0
    /// Changes the server sent again after a reconnect and that were already recorded.
    public var duplicates = 0
    public var rejected = 0
    public var transactions = 0
    public var reconnects = 0
    public var snapshotRows = 0
    public var confirmed = LSN.zero
}

/// Lag in time, measured like the server's own lag tracker: the server's WAL position is
/// sampled every report, and the lag is how long ago the server first went past the position
/// the recording has reached.
public struct LagTracker {
    private var samples: [(lsn: LSN, time: Date)] = []
    let capacity = 900

    public init() {}

    public mutating func record(_ lsn: LSN, at time: Date) {
        if let last = samples.last, last.lsn == lsn { return }
        samples.append((lsn, time))
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
    }

    /// Bytes and seconds the recording at `confirmed` is behind the newest sample. Between two
    /// samples the server is taken to have written WAL at an even rate; before the first sample
    /// the time is unknown (nil).
    public func lag(confirmed: LSN, now: Date) -> (bytes: UInt64, seconds: Double?) {
        guard let newest = samples.last else { return (0, nil) }
        let bytes = newest.lsn.bytes(after: confirmed)
        guard bytes > 0, let ahead = samples.firstIndex(where: { $0.lsn > confirmed }) else { return (bytes, 0) }
        guard ahead > 0 else { return (bytes, nil) }
        let before = samples[ahead - 1]
        let span = Double(samples[ahead].lsn.bytes(after: before.lsn))
        let share = span > 0 ? Double(confirmed.bytes(after: before.lsn)) / span : 0
        let passed = before.time.addingTimeInterval(samples[ahead].time.timeIntervalSince(before.time) * share)
        return (bytes, max(0, now.timeIntervalSince(passed)))
    }
}
