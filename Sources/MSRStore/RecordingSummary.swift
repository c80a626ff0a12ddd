import MSRModel

/// What a recording holds, in brief: its span, size and tables.
public struct RecordingSummary: Sendable {
    public var eventCount: Int64
    /// The sequence number of the last event (events are numbered 1...lastSeq).
    public var lastSeq: Int64
    public var firstCommit: Timestamp?
    public var lastCommit: Timestamp?
    public var tables: [TableSchema]
    /// Events about rows the recording had not seen (a stream joined mid-history), applied as
    /// upserts or no-ops.
    public var unseenRowEvents: Int64
    public var keyframeInterval: Int

    public init(eventCount: Int64, lastSeq: Int64, firstCommit: Timestamp?, lastCommit: Timestamp?,
                tables: [TableSchema], unseenRowEvents: Int64, keyframeInterval: Int) {
        self.eventCount = eventCount
        self.lastSeq = lastSeq
        self.firstCommit = firstCommit
        self.lastCommit = lastCommit
        self.tables = tables
        self.unseenRowEvents = unseenRowEvents
        self.keyframeInterval = keyframeInterval
    }

    /// The table a user named, as `units` or `public.units`.
    ///
    /// Names match by their bytes. Only when no name does is a single table whose name is
    /// canonically equivalent accepted (a terminal may type `é` composed where the source's name
    /// has it decomposed); two such tables are never confused, since an exact match wins.
    public func table(named name: String) throws(RecordingError) -> TableSchema {
        if let t = tables.first(where: { $0.name.qualified.utf8Equal(name) }) { return t }
        let matches = tables.filter { $0.name.matches(name) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            let equivalent = tables.filter { $0.name.qualified == name || $0.name.name == name }
            if equivalent.count == 1 { return equivalent[0] }
        }
        throw .unknownTable(name: name, known: tables.map(\.name.qualified))
    }

    public func table(id: TableID) -> TableSchema? { tables.first { $0.id == id } }
}

/// A labelled moment of a recording, with an optional note.
public struct Bookmark: Sendable, Hashable {
    public var id: Int64
    public var time: Timestamp
    public var label: String
    public var note: String

    public init(id: Int64 = 0, time: Timestamp, label: String, note: String = "") {
        self.id = id
        self.time = time
        self.label = label
        self.note = note
    }
}

/// A stored keyframe: the full state of one table after the event `seq`.
public struct KeyframeInfo: Sendable, Hashable {
    public var table: TableID
    public var seq: Int64
    public var rowCount: Int
}

/// Which events to read or count: a seq or time range, some tables, some operations.
public struct EventQuery: Sendable {
    /// Only events with seq greater than this.
    public var afterSeq: Int64 = 0
    /// Only events with seq at most this.
    public var throughSeq: Int64?
    public var fromTime: Timestamp?
    public var toTime: Timestamp?
    public var tables: Set<TableID>?
    public var ops: Set<Operation>?

    public init(afterSeq: Int64 = 0, throughSeq: Int64? = nil, fromTime: Timestamp? = nil, toTime: Timestamp? = nil,
                tables: Set<TableID>? = nil, ops: Set<Operation>? = nil) {
        self.afterSeq = afterSeq
        self.throughSeq = throughSeq
        self.fromTime = fromTime
        self.toTime = toTime
        self.tables = tables
        self.ops = ops
    }
}
