import MSREngine
import MSRModel
import MSRStore

/// One pane: a table of one recording, shown at its session's time through a prefetching
/// feed, with its own filter, sort, scroll position, followed row and highlights.
public final class Pane {
    public let id: Int
    public let recording: RecordingHandle
    public private(set) var table: TableSchema
    public private(set) var feed: TableFeed
    /// The session whose playhead this pane shows.
    public var sessionID: Int
    /// Whether the pane follows the shared clock (session 0).
    public var isLinked: Bool { sessionID == 0 }
    /// Added to the shared clock's time, so two runs can be compared aligned (µs).
    public var offset: Int64 = 0
    public let view: TableViewModel
    public var spec: TableViewSpec { view.spec }
    /// First row shown, and the selected row, as view positions.
    public var scrollRow = 0
    public var selectedRow = 0
    /// How many non-key columns are scrolled off to the left.
    public var scrollColumn = 0
    public var followKey: RowKey?
    /// The row n / N moved to, selected once the frame after that change is shown.
    public var reveal: (key: RowKey, seq: Int64)?
    public private(set) var frame: TableFrame?
    public private(set) var rows: ViewRows?
    public var highlights = Highlights()
    /// Set by a seek (a typed time, a tenth of the span, a bookmark): the next frame comes
    /// without highlights, since "everything that changed in the hour skipped" tells nothing.
    public var quietNextFrame = false
    /// Column widths seen so far: columns widen to fit and do not shrink back, so the grid
    /// does not jitter while playing.
    public var columnWidths: [Int: Int] = [:]
    /// Columns whose values shown so far were all numbers (right-aligned with their names).
    public var numericColumns: [Int: Bool] = [:]
    /// The most decimals a column's numbers have shown, so their points stay in line.
    public var columnDecimals: [Int: Int] = [:]
    /// The grid's lines as last drawn, so unchanged ones are not drawn again.
    let gridLines = GridLineCache()
    /// How many rows the grid showed when last drawn (0 before it was).
    public var visibleHeight = 0

    public init(id: Int, recording: RecordingHandle, table: TableSchema, sessionID: Int) {
        self.id = id
        self.recording = recording
        self.table = table
        self.sessionID = sessionID
        self.feed = TableFeed(table: table, openStore: recording.openStore)
        self.view = TableViewModel(keyColumns: table.keyColumns)
    }

    /// Shows another table of the same recording.
    public func show(table newTable: TableSchema) {
        table = newTable
        feed = TableFeed(table: newTable, openStore: recording.openStore)
        view.setSpec(TableViewSpec())
        resetView()
    }

    /// Takes a newer definition of the same table (a column added while capturing): the
    /// feed starts again with it; filter, sort and scroll stay.
    public func refreshSchema(_ newer: TableSchema) {
        guard newer.id == table.id, newer != table else { return }
        table = newer
        feed = TableFeed(table: newer, openStore: recording.openStore)
        frame = nil
        gridLines.clear()
    }

    public func setSpec(_ spec: TableViewSpec) {
        var spec = spec
        // Sorted as shown: decimals by value, whatever their bytes on the wire.
        spec.sortType = spec.sortColumn.flatMap { $0 < table.columns.count ? table.columns[$0].type : nil } ?? .unknown
        view.setSpec(spec)
        if let f = frame { rows = view.rows(for: f.state, changes: nil) }
    }

    private func resetView() {
        frame = nil
        rows = nil
        scrollRow = 0
        selectedRow = 0
        scrollColumn = 0
        followKey = nil
        highlights.clear()
        columnWidths.removeAll()
        numericColumns.removeAll()
        columnDecimals.removeAll()
        gridLines.clear()
    }

    /// Takes the frame for the pane's position when the feed has it; returns whether the pane
    /// changed. `now` is wall time, for highlights.
    @discardableResult
    public func update(plan: FeedPlan, now: Double) -> Bool {
        guard let next = feed.frame(for: plan) else { return false }
        // The same seq in a rewritten history (late events merged) is another state: take it.
        if let current = frame, current.seq == next.seq, current.revision == next.revision { return false }
        var changes: FrameChanges?
        if let current = frame {
            // The rows touched between the two frames, through the frames between them in
            // either direction; the two states then say what really changed.
            var net: FrameChanges?
            if let touched = feed.changes(from: current.seq, to: next) ?? feed.changes(from: next.seq, to: current) {
                let near = HighlightRange.nearScreen(touched, pane: self)
                net = Highlights.net(near ?? touched, from: current.state, to: next.state, limit: highlights.limit)
                // Too many changed to mark: the view moves every touched row instead.
                changes = near == nil ? (net ?? touched) : touched
            }
            if let c = net, !quietNextFrame { highlights.add(c, at: now) } else { highlights.clear() }
        }
        quietNextFrame = false
        frame = next
        rows = view.rows(for: next.state, changes: changes)
        selectRevealedRow()
        keepFollowedRowInView()
        return true
    }

    public var rowCount: Int { rows?.count ?? 0 }

    /// Selects the row n / N stopped at (the grid then scrolls to it), once its frame is here.
    func selectRevealedRow() {
        guard let r = reveal, let frame, frame.seq == r.seq else { return }
        reveal = nil
        if let row = frame.state[r.key], let pos = rows?.position(of: r.key, row: row) { selectedRow = pos }
    }

    /// Keeps the followed row selected and visible.
    func keepFollowedRowInView() {
        guard let key = followKey, let row = frame?.state[key], let pos = rows?.position(of: key, row: row) else { return }
        selectedRow = pos
    }

    /// Moves the selection, clamped to the rows.
    public func moveSelection(by delta: Int) {
        selectedRow = min(max(0, selectedRow + delta), max(0, rowCount - 1))
    }

    /// Adjusts the scroll so the selection is inside a window of `height` rows.
    public func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        selectedRow = min(max(0, selectedRow), max(0, rowCount - 1))
        if selectedRow < scrollRow { scrollRow = selectedRow }
        if selectedRow >= scrollRow + height { scrollRow = selectedRow - height + 1 }
        scrollRow = max(0, min(scrollRow, max(0, rowCount - height)))
    }

    /// The key of the selected row, if any.
    public var selectedKey: RowKey? {
        rows?.window(from: selectedRow, limit: 1, keyColumns: table.keyColumns).first?.key
    }
}
