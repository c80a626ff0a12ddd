import MSRPostgresClient

/// What `PostgresCapture` captures and how it paces itself.
public struct PostgresCaptureOptions: Sendable {
    /// The libpq connection string; shown only redacted.
    public var dsn: ConnectionString
    /// Tables to publish (`t` or `schema.t`); empty to capture an existing publication.
    public var tables: [String]
    public var publication: String
    public var slot: String
    /// Seconds between standby status updates (the server also gets one whenever it asks).
    public var statusInterval = 1.0
    /// A received commit waits at most this many seconds before it is written, so several
    /// transactions share one durable write.
    public var batchDelay = 0.1
    /// … or until this many changes are waiting.
    public var batchChanges = 5000
    /// Seconds between progress reports.
    public var progressInterval = 1.0
    /// Reconnect delays: the first, and the most it doubles up to.
    public var backoffInitial = 0.5
    public var backoffMax = 10.0
    /// After a stop request, how long to wait for the open transaction's commit.
    public var stopGrace = 5.0
    /// How long to keep retrying while the slot is still held by another (perhaps just killed)
    /// connection.
    public var slotBusyTimeout = 30.0
    /// Rows per snapshot fetch.
    public var snapshotChunkRows = 5000
    /// Snapshot rows per write (memory against the writer's duplicate check, which grows with
    /// the reads already written).
    public var snapshotWriteChanges = 100_000

    public init(dsn: String, tables: [String], publication: String, slot: String) {
        self.dsn = ConnectionString(dsn)
        self.tables = tables
        self.publication = publication
        self.slot = slot
    }

    /// A slot or publication name derived from the recording's file name (`ops.msr` →
    /// `msr_ops`): lower-case letters, digits and underscores, as slot names must be.
    public static func defaultName(forRecording path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let base = file.hasSuffix(".msr") ? String(file.dropLast(4)) : file
        var name = "msr_"
        for ch in base.lowercased().unicodeScalars {
            let ok = (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9")
            name.unicodeScalars.append(ok ? ch : "_")
        }
        return String(name.prefix(63))
    }

    /// Whether `name` is a valid replication slot name.
    public static func isValidSlotName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && name.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
        }
    }
}
