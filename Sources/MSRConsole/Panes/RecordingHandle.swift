import Foundation
import MSREngine
import MSRModel
import MSRStore

/// One recording the console has open: its name, a main-thread timeline, and a way to open
/// more connections (each table feed works on its own).
public final class RecordingHandle {
    public let path: String
    public let openStore: @Sendable () throws(RecordingError) -> RecordingStore
    public let timeline: Timeline
    /// Opens a connection that may write (bookmarks, the saved layout).
    private let openWritable: () throws(RecordingError) -> RecordingStore
    private var writable: RecordingStore?

    public init(path: String, openStore: @escaping @Sendable () throws(RecordingError) -> RecordingStore,
                openWritable: @escaping () throws(RecordingError) -> RecordingStore) throws(RecordingError) {
        self.path = path
        self.openStore = openStore
        self.openWritable = openWritable
        self.timeline = try Timeline(store: try openStore())
    }

    public var name: String { (path as NSString).lastPathComponent }
    public var summary: RecordingSummary { timeline.summary }

    /// Whether a capture is writing this recording now: its heartbeat is under five seconds old.
    public var isBeingCaptured: Bool {
        guard let text = try? timeline.store.metaValue(RecordingWriter.heartbeatKey), let micros = Double(text), micros > 0 else {
            return false
        }
        return Date().timeIntervalSince1970 - micros / 1_000_000 < 5
    }

    public func writer() throws(RecordingError) -> RecordingStore {
        if let w = writable { return w }
        let w = try openWritable()
        writable = w
        return w
    }

    /// Above this many events, counting each table's events exactly would scan millions of
    /// rows before the first frame, so the busiest tables are estimated instead.
    public static let exactCountLimit: Int64 = 2_000_000

    /// The tables with the most changes to rows already there (updates and deletes), then the
    /// most events: what a reviewer wants to watch first.
    ///
    /// On a big recording both are estimated from a few index probes: a table has a keyframe
    /// every `keyframeInterval` of its events, and every row still there was inserted once, so
    /// events ≈ keyframes × interval and churn ≈ events − rows at the end.
    public func busiestTables(limit: Int, estimatingAbove: Int64 = exactCountLimit) throws(RecordingError) -> [TableSchema] {
        var scored: [(TableSchema, Int64, Int64)] = []
        let store = timeline.store
        let estimate = summary.eventCount > estimatingAbove
        for t in summary.tables {
            if estimate {
                let events = Int64(try store.keyframes(table: t.id).count) * Int64(max(1, summary.keyframeInterval))
                let rows = Int64(try store.rowCount(table: t.id, atSeq: summary.lastSeq))
                scored.append((t, max(0, events - rows), events))
            } else {
                let churn = try store.count(matching: EventQuery(tables: [t.id], ops: [.update, .delete]))
                let all = try store.count(matching: EventQuery(tables: [t.id]))
                scored.append((t, churn, all))
            }
        }
        return scored.sorted { ($0.1, $0.2) > ($1.1, $1.2) }.prefix(limit).map(\.0)
    }
}
