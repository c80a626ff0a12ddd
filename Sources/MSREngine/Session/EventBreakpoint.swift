import MSRModel

/// Pauses playback when an event of a table changes a row that matches a filter.
public struct EventBreakpoint: Sendable {
    public var table: TableID
    public var filter: RowFilter

    public init(table: TableID, filter: RowFilter) {
        self.table = table
        self.filter = filter
    }

    /// Whether the row before or after the event matches.
    public func matches(_ e: ChangeEvent) -> Bool {
        guard e.table == table else { return false }
        if e.op == .truncate { return true }
        return (e.before.map(filter.matches) ?? false) || (e.after.map(filter.matches) ?? false)
    }
}
