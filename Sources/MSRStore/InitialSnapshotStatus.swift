/// Whether a capture's initial snapshot is all in the recording, for readers to say so: a
/// recording whose snapshot was interrupted holds only part of the tables' rows from before
/// the capture began (until the capture runs again and takes the snapshot again).
public enum InitialSnapshotStatus: Sendable, Equatable {
    /// No capture snapshot, or a complete one.
    case complete
    /// A snapshot began and did not finish.
    case incomplete

    /// The meta key a PostgreSQL capture keeps its snapshot's progress under: `started:SEQ`
    /// while it is being taken, `complete` once it is recorded.
    public static let metaKey = "postgres.snapshot"
}

extension RecordingStore {
    /// Whether the recording's initial snapshot is complete.
    public func initialSnapshotStatus() throws(RecordingError) -> InitialSnapshotStatus {
        (try metaValue(InitialSnapshotStatus.metaKey))?.hasPrefix("started:") == true ? .incomplete : .complete
    }
}
