import MSRModel

/// A recording's storage: what the engine reads and the writer appends to.
///
/// The embedded implementation is `SQLiteRecordingStore`; a PostgreSQL one can stand beside it.
/// Implementations are used by one thread at a time; the engine opens its own for background
/// work. Events are numbered 1...lastSeq without gaps, in commit order.
public protocol RecordingStore: AnyObject {
    /// The recording's location, for messages.
    var location: String { get }

    // MARK: Reading

    func summary() throws(RecordingError) -> RecordingSummary
    func tables() throws(RecordingError) -> [TableSchema]
    /// The last event whose commit time is at or before `time`; 0 when none is.
    func lastSeq(atOrBefore time: Timestamp) throws(RecordingError) -> Int64
    func commitTime(ofSeq seq: Int64) throws(RecordingError) -> Timestamp?
    /// Events with `range.lowerBound <= seq <= range.upperBound`, ascending, optionally of
    /// one table only.
    func events(in range: ClosedRange<Int64>, table: TableID?) throws(RecordingError) -> [ChangeEvent]
    /// Up to `limit` events matching the query, ascending by seq.
    func events(matching query: EventQuery, limit: Int) throws(RecordingError) -> [ChangeEvent]
    func count(matching query: EventQuery) throws(RecordingError) -> Int64
    /// The nearest event of `table` after (or before, when `forward` is false) `seq`.
    func adjacentEvent(table: TableID, from seq: Int64, forward: Bool) throws(RecordingError) -> ChangeEvent?
    /// The number of rows of `table` after event `seq`.
    func rowCount(table: TableID, atSeq seq: Int64) throws(RecordingError) -> Int
    /// The event counts per bucket of equal time over the recording's span (activity).
    func activity(buckets: Int) throws(RecordingError) -> [Int]
    /// The events of one table (all tables when nil) per bucket, over the same edges as
    /// `activity(buckets:)` (`ActivityBuckets`): the recording's whole span, not the table's.
    func activity(buckets: Int, table: TableID?) throws(RecordingError) -> [Int]

    func keyframes(table: TableID) throws(RecordingError) -> [KeyframeInfo]
    /// The nearest keyframe of `table` at or before (or at or after) `seq`.
    func nearestKeyframe(table: TableID, to seq: Int64, atOrBefore: Bool) throws(RecordingError) -> KeyframeInfo?
    /// The rows of a keyframe, or nil when there is no keyframe at that seq.
    func loadKeyframe(table: TableID, seq: Int64) throws(RecordingError) -> RowTree?
    func bookmarks() throws(RecordingError) -> [Bookmark]
    /// Makes every later read see the recording as it is now, whatever other processes commit
    /// meanwhile, until the store closes (a no-op for a store that writes).
    func pinSnapshot() throws(RecordingError)
    /// Damage found when a lazily loaded tree looked at rows it could not read; those rows
    /// are missing from what was read (a lookup cannot throw, so this says so after).
    var damage: DamageMonitor { get }

    // MARK: Writing (used by RecordingWriter)

    func transaction(_ body: () throws(RecordingError) -> Void) throws(RecordingError)
    func saveTable(_ schema: TableSchema) throws(RecordingError)
    /// Appends events; `rowCounts[i]` is the row count of the event's table after `events[i]`.
    func appendEvents(_ events: [ChangeEvent], rowCounts: [Int]) throws(RecordingError)
    func saveKeyframe(table: TableID, seq: Int64, rows: RowTree) throws(RecordingError)
    /// Deletes events with seq >= `seq`, and keyframes after them, to rewrite a recording's tail;
    /// counts the rewrite (`historyRevision()`), so that readers can tell it from damage.
    func truncateHistory(fromSeq seq: Int64) throws(RecordingError)
    func metaValue(_ key: String) throws(RecordingError) -> String?
    func setMetaValue(_ key: String, _ value: String) throws(RecordingError)
    @discardableResult
    func addBookmark(_ bookmark: Bookmark) throws(RecordingError) -> Int64
    /// Changes a bookmark's label and note, found by id; false when it is gone.
    @discardableResult
    func updateBookmark(_ bookmark: Bookmark) throws(RecordingError) -> Bool
    /// Removes a bookmark by id; false when it is gone.
    @discardableResult
    func removeBookmark(id: Int64) throws(RecordingError) -> Bool
}

extension RecordingStore {
    /// Keyframe pages that could not be read since the store opened.
    public var damagedPages: Int { damage.count }
}
