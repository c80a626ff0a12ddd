import Foundation
import MSRModel
import MSRPostgresClient
import MSRStore

/// Something a running capture wants the user to know.
public enum CaptureNotice {
    /// A step taken: a publication or slot created, a snapshot taken, a resume.
    case note(String)
    /// Something that needs attention but does not stop the capture (a reconnect).
    case warning(String)
    case progress(CaptureProgress)
}

/// `msr capture postgres`: records a PostgreSQL database's changes from its transaction log
/// (logical replication with pgoutput), with nothing lost and nothing recorded twice.
///
/// The flow: set up the publication and slot (taking the initial snapshot when the slot is
/// new), then stream. Received transactions are written to the recording several at a time;
/// only after a write has committed (durably: the store must `requireDurableCommits`) is the
/// end of its last commit confirmed to the server, which then never sends those transactions
/// again. Whatever the server sends again after a crash or reconnect — transactions written
/// but not yet confirmed — carries the same positions and is skipped by the writer as already
/// recorded. A dropped connection is retried with backoff; a stop request ends the capture
/// after the current commit. Everything runs on the calling thread.
public final class PostgresCapture {
    let options: PostgresCaptureOptions
    let store: RecordingStore
    let writerOptions: WriterOptions
    var writer: RecordingWriter
    /// Copy numbers of the rows of tables without a key, as the recording ends.
    var copies = CopyNumbers()
    /// Column types of each table as last written, to see a type change coming.
    var columnTypes: [TableName: [ColumnSchema]] = [:]
    /// The commit time of the last transaction queued (or of the recording's last event).
    var lastQueuedCommit: Timestamp?
    /// Tables whose rows the recording holds from a snapshot (initial or incremental).
    var snapshotted: Set<TableName> = []
    /// Published tables already looked at, by OID.
    var checkedTables: Set<UInt32> = []
    /// Snapshots of added tables whose point the stream has not reached yet.
    var incremental: [IncrementalSnapshot] = []
    /// Whether the publication publishes stored generated columns.
    var publishesGenerated = false
    let stop: CaptureStopFlag
    let notify: (CaptureNotice) -> Void
    var checkpoint: RecordingCheckpoint { RecordingCheckpoint(store: store) }

    /// Complete transactions received and not yet written.
    var pending: [CommittedTransaction] = []
    var pendingChanges = 0
    var pendingSince: Date?
    /// The position confirmed as durably recorded.
    var confirmed = LSN.zero
    /// The end of the last commit received.
    var received = LSN.zero
    var lastRecordedCommit: Timestamp?
    var summary = CaptureSummary()
    /// Set once streaming has started: from then on a dropped connection is retried.
    var hasStreamed = false
    var lag = LagTracker()

    public init(options: PostgresCaptureOptions, store: RecordingStore, writerOptions: WriterOptions,
                stop: CaptureStopFlag, notify: @escaping (CaptureNotice) -> Void) throws(PostgresCaptureError) {
        guard PostgresCaptureOptions.isValidSlotName(options.slot) else {
            throw .invalidName(kind: "replication slot", name: options.slot)
        }
        if let problem = options.dsn.formProblem { throw .malformedDSN(problem) }
        self.options = options
        self.store = store
        var writerOptions = writerOptions
        // pgoutput marks unchanged values out of band: text is text.
        writerOptions.inBandPlaceholders = false
        // One recording transaction per write, so the confirmed position stored with it is
        // exactly what is recorded (the server never sends a transaction before it again).
        writerOptions.batchSize = 1 << 40
        // ALTER COLUMN … TYPE: the Relation message gives the new type; the schema follows.
        writerOptions.followTypeChanges = true
        self.writerOptions = writerOptions
        self.stop = stop
        self.notify = notify
        do {
            writer = try RecordingWriter(store: store, options: writerOptions)
            copies = try CopyNumbers(store: store, atSeq: writer.eventCount)
            for t in try store.tables() { columnTypes[t.name] = t.columns }
        } catch {
            throw .recording(error)
        }
    }

    /// Captures until stopped; throws when the capture cannot go on.
    public func run() throws(PostgresCaptureError) -> CaptureSummary {
        var backoff = options.backoffInitial
        var busySince: Date?
        var prepared = false
        while !stop.isRequested {
            do {
                let catalog = PostgresCatalog(connection: try PostgresConnection(options.dsn))
                let replication = try PostgresConnection(options.dsn, mode: .replication)
                if !prepared {
                    try prepare(catalog: catalog, replication: replication)
                    prepared = true
                }
                try stream(catalog: catalog, replication: replication) { backoff = self.options.backoffInitial; busySince = nil }
                break
            } catch {
                let failure = classify(error)
                try keepReceived()
                if case .stoppedDuringSnapshot = failure {
                    notify(.warning(failure.description))
                    break
                }
                if case .slotInUse = failure {
                    let since = busySince ?? Date()
                    busySince = since
                    if Date().timeIntervalSince(since) > options.slotBusyTimeout { throw failure }
                } else if !(failure.isTransient && hasStreamed) {
                    throw failure
                }
                summary.reconnects += 1
                notify(.warning("\(failure) Reconnecting in \(Self.seconds(backoff))."))
                pause(backoff)
                backoff = min(backoff * 2, options.backoffMax)
            }
        }
        try keepReceived()
        summary.confirmed = confirmed
        try? writer.heartbeat(stopping: true)
        return summary
    }

    /// Writes what was received before a connection went away; those transactions are
    /// complete, and the next connection confirms them.
    private func keepReceived() throws(PostgresCaptureError) {
        do {
            try writePending()
        } catch {
            throw classify(error)
        }
    }

    /// Sleeps `seconds`, waking early for a stop request.
    func pause(_ seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while !stop.isRequested, Date() < end { Thread.sleep(forTimeInterval: min(0.05, max(0, end.timeIntervalSinceNow))) }
    }

    /// Any error of the layers below, as the capture's own.
    func classify(_ error: any Error) -> PostgresCaptureError {
        switch error {
        case let e as PostgresCaptureError: return e
        case let e as PostgresError:
            // object_in_use: the slot is still held, often by the walsender of a killed capture.
            if e.sqlState == "55006" { return .slotInUse(slot: options.slot) }
            return .postgres(e)
        case let e as RecordingError: return .recording(e)
        case let e as PgOutputError: return .stream(e)
        default: return .postgres(.unexpectedResponse(detail: String(describing: error)))
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }
}
