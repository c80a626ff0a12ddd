import Foundation
import MSRModel
import MSRPostgresClient
import MSRStore

/// The rows of a table added to the publication while the capture runs, read as they stood at
/// a WAL position of their own and placed in the stream there.
struct IncrementalSnapshot {
    var table: TableName
    /// The consistent point of the temporary slot the rows were read under: transactions that
    /// commit before it are in the rows, those at or after it are not.
    var point: LSN
    var time: Timestamp
    /// A truncate when the recording already holds rows of the table, then the reads.
    var changes: [SourceChange]
}

/// Tables added to the publication mid-capture get their existing rows.
///
/// The capture looks at the publication's tables when streaming starts and with every status
/// update. A table it has not snapshotted is read under the exported snapshot of a temporary
/// slot, whose consistent point C cuts the stream exactly (like the initial snapshot): the
/// table's changes in transactions that commit before C are already in the rows and are
/// dropped as they arrive; when the stream reaches C (a transaction committing at or after it,
/// or a keepalive past it), the rows are written as `r` events at C, before anything later.
/// This is what Debezium's watermark method reconciles with key windows; a temporary slot
/// gives the cut without writing to the database. Which tables have been snapshotted is kept
/// in the recording (`postgres.snapshotted_tables`), in the same transaction as their rows.
extension PostgresCapture {
    static let snapshottedKey = "postgres.snapshotted_tables"

    /// The tables whose rows the recording holds from a snapshot, as saved.
    func savedSnapshottedTables() throws(RecordingError) -> Set<TableName>? {
        guard let text = try store.metaValue(Self.snapshottedKey), let data = text.data(using: .utf8),
              let names = try? JSONDecoder().decode([[String]].self, from: data) else { return nil }
        return Set(names.compactMap { $0.count == 2 ? TableName(schema: $0[0], name: $0[1]) : nil })
    }

    func snapshottedMeta(_ tables: Set<TableName>) -> (key: String, value: String) {
        let names = tables.map { [$0.schema ?? "", $0.name] }.sorted { $0.lexicographicallyPrecedes($1) { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
        let data = (try? JSONEncoder().encode(names)) ?? Data("[]".utf8)
        return (Self.snapshottedKey, String(decoding: data, as: UTF8.self))
    }

    /// Whether the stream describes a table the capture has no snapshot of (nor one coming).
    func isUnsnapshotted(_ relation: PgRelation) -> Bool {
        let name = TableName(schema: relation.namespace.isEmpty ? "pg_catalog" : relation.namespace, name: relation.name)
        return !snapshotted.contains(name) && !incremental.contains { $0.table == name }
    }

    /// Starts an incremental snapshot of every published table not snapshotted yet.
    func snapshotAddedTables(catalog: PostgresCatalog, replication: PostgresConnection) throws {
        for oid in try catalog.publicationTables(options.publication) where !checkedTables.contains(oid) {
            guard let table = try catalog.table(oid: oid, generated: publishesGenerated) else { continue }
            checkedTables.insert(oid)
            if snapshotted.contains(table.name) || incremental.contains(where: { $0.table == table.name }) { continue }
            guard table.keyColumns != nil else { throw PostgresCaptureError.tablesWithoutKey([table.identityFix]) }
            guard !table.clashesWithCopyColumn else { throw PostgresCaptureError.copyColumnClash(table: table.sqlName) }
            incremental.append(try readAdded(table, catalog: catalog, replication: replication))
        }
    }

    private func readAdded(_ table: CatalogTable, catalog: PostgresCatalog, replication: PostgresConnection) throws -> IncrementalSnapshot {
        // The temporary slot lives as long as this connection: until the rows are read.
        let slotConnection = try PostgresConnection(options.dsn, mode: .replication)
        let name = "msr_add_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let created = try ExportedSnapshotSlot.create(name, temporary: true, on: slotConnection)
        let point = created.point, exported = created.snapshotName
        let time = try catalog.serverTime()
        var changes: [SourceChange] = []
        if let truncate = try startingOver(table, time: time, point: point, origin: -1) { changes.append(truncate) }
        var snapshot = PostgresSnapshot(connection: try PostgresConnection(options.dsn), snapshotName: exported,
                                        consistentPoint: point, time: time)
        snapshot.chunkRows = options.snapshotChunkRows
        let rows = try snapshot.read([table]) { chunk in
            changes += chunk
            // The main stream waits meanwhile; the server must still hear from it.
            try sendStatus(replication)
        }
        notify(.note("\(table.sqlName) was added to publication \(options.publication): \(rows) \(rows == 1 ? "row" : "rows") read at \(point)."))
        return IncrementalSnapshot(table: table.name, point: point, time: time, changes: changes)
    }

    /// Applies the incremental snapshots to a transaction as it arrives: the rows of those
    /// whose point it reaches go first; the changes of tables whose point it precedes are
    /// left out (the rows hold them).
    func placeIncremental(before transaction: inout CommittedTransaction) {
        releaseIncremental(reaching: transaction.commitLSN)
        for inc in incremental {
            transaction.changes.removeAll { $0.table == inc.table }
        }
    }

    /// Queues the rows of every incremental snapshot whose point the stream has reached
    /// (`position`: a commit, or a keepalive's WAL position with no transaction open).
    func releaseIncremental(reaching position: LSN) {
        let due = incremental.filter { $0.point <= position }.sorted { $0.point < $1.point }
        guard !due.isEmpty else { return }
        incremental.removeAll { $0.point <= position }
        for inc in due {
            queue(CommittedTransaction(changes: inc.changes, commitTime: inc.time, commitLSN: inc.point,
                                       endLSN: inc.point, snapshotOf: inc.table))
        }
    }
}
