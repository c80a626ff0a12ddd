import MSRPostgresClient

/// A logical replication slot (pgoutput) created with an exported snapshot: the consistent
/// point where its stream begins, and the snapshot under which the tables read as they stood
/// at that point — the initial snapshot's and each added table's.
struct ExportedSnapshotSlot {
    var point: LSN
    var snapshotName: String

    /// Creates slot `name` on a replication connection; a `temporary` one ends with the
    /// connection. `name` must be a valid slot name (`PostgresCaptureOptions.isValidSlotName`).
    static func create(_ name: String, temporary: Bool, on connection: PostgresConnection) throws(PostgresError) -> ExportedSnapshotSlot {
        let kind = temporary ? "TEMPORARY LOGICAL" : "LOGICAL"
        // PostgreSQL 15 takes options in parentheses; earlier servers only the old keyword.
        let command = connection.serverVersion >= 150_000
            ? "CREATE_REPLICATION_SLOT \(name) \(kind) pgoutput (SNAPSHOT 'export')"
            : "CREATE_REPLICATION_SLOT \(name) \(kind) pgoutput EXPORT_SNAPSHOT"
        let created = try connection.execute(command)
        guard let point = created.value(0, "consistent_point").flatMap({ LSN($0) }),
              let snapshotName = created.value(0, "snapshot_name") else {
            throw PostgresError.unexpectedResponse(detail: "CREATE_REPLICATION_SLOT returned no consistent point or snapshot")
        }
        return ExportedSnapshotSlot(point: point, snapshotName: snapshotName)
    }
}
