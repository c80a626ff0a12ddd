import MSRModel
import MSRStore

/// A recording's span and the mapping between times and event positions, on one store
/// connection (the owner's thread).
public final class Timeline {
    public let store: RecordingStore
    public private(set) var summary: RecordingSummary

    public init(store: RecordingStore) throws(RecordingError) {
        self.store = store
        self.summary = try store.summary()
    }

    /// Re-reads the summary, for a recording that is still being written.
    public func refresh() throws(RecordingError) { summary = try store.summary() }

    public var start: Timestamp { summary.firstCommit ?? Timestamp(micros: 0) }
    public var end: Timestamp { summary.lastCommit ?? start }
    public var lastSeq: Int64 { summary.lastSeq }
    /// The moment before the first event: the playhead's time at seq 0.
    public var beforeStart: Timestamp { start + -1 }

    public func seq(atOrBefore time: Timestamp) throws(RecordingError) -> Int64 {
        if time < start { return 0 }
        if time >= end { return lastSeq }
        return try store.lastSeq(atOrBefore: time)
    }

    public func time(ofSeq seq: Int64) throws(RecordingError) -> Timestamp {
        if seq <= 0 { return beforeStart }
        return try store.commitTime(ofSeq: min(seq, lastSeq)) ?? end
    }

    /// Where `time` lies in the span, from 0 to 1.
    public func fraction(of time: Timestamp) -> Double {
        let span = Double(max(1, end - start))
        return min(1, max(0, Double(time - start) / span))
    }

    public func time(atFraction f: Double) -> Timestamp {
        start + Int64((Double(end - start) * min(1, max(0, f))).rounded())
    }
}
