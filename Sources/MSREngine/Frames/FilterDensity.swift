import MSRModel
import MSRStore

/// The timeline's density for one filter: per bucket, the events of a table whose row before
/// or after the change matches the filter.
///
/// The buckets are the activity's (`ActivityBuckets` over the recording's whole span), so a
/// filter's bars stand under the table's and the recording's. Reading every event of a table
/// is long work: `count` reads a batch at a time and asks `proceed` after each whether to go
/// on, so a caller off the main thread can show progress and cancel (`DensityJob`).
public struct FilterDensity: Sendable {
    public let table: TableID
    public let filter: RowFilter
    public let buckets: Int
    /// Events read per batch.
    public var batchSize = 10_000

    public init(table: TableID, filter: RowFilter, buckets: Int) {
        self.table = table
        self.filter = filter
        self.buckets = max(0, buckets)
    }

    /// How far the count has come: the seq read through, of the recording's last.
    public struct Progress: Hashable, Sendable {
        public var throughSeq: Int64
        public var lastSeq: Int64
        public var matched: Int
        public var fraction: Double { lastSeq > 0 ? Double(throughSeq) / Double(lastSeq) : 1 }
    }

    /// The counts per bucket, or nil when `proceed` said to stop.
    public func count(in store: RecordingStore,
                      proceed: (Progress) -> Bool = { _ in true }) throws(RecordingError) -> [Int]? {
        let summary = try store.summary()
        var counts = Array(repeating: 0, count: buckets)
        guard buckets > 0, let first = summary.firstCommit, let last = summary.lastCommit else { return counts }
        let edges = ActivityBuckets(first: first, last: last, count: buckets)
        var progress = Progress(throughSeq: 0, lastSeq: summary.lastSeq, matched: 0)
        while progress.throughSeq < summary.lastSeq {
            let query = EventQuery(afterSeq: progress.throughSeq, throughSeq: summary.lastSeq, tables: [table])
            let batch = try store.events(matching: query, limit: max(1, batchSize))
            for event in batch where matches(event) {
                counts[edges.bucket(of: event.commitTime)] += 1
                progress.matched += 1
            }
            progress.throughSeq = batch.last?.seq ?? summary.lastSeq
            guard proceed(progress) else { return nil }
        }
        return counts
    }

    /// An event counts when the row it left or the row it changed matches.
    public func matches(_ event: ChangeEvent) -> Bool {
        (event.before.map(filter.matches) ?? false) || (event.after.map(filter.matches) ?? false)
    }
}
