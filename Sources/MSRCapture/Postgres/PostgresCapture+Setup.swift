import MSRModel
import MSRPostgresClient
import MSRStore

/// The first connection's work: check the server, make sure the publication and the slot
/// exist, and take the initial snapshot when the slot is new.
extension PostgresCapture {
    func prepare(catalog: PostgresCatalog, replication: PostgresConnection) throws {
        let level = try catalog.setting("wal_level")
        guard level == "logical" else { throw PostgresCaptureError.walLevel(level) }
        let tables = try publishedTables(catalog)
        try ensureSlot(catalog: catalog, replication: replication, tables: tables)
        snapshotted = try savedSnapshottedTables() ?? Set(tables.map(\.name))
        // A published table without a snapshot (added to the publication while no capture ran)
        // is read like one added while capturing.
        checkedTables = Set(tables.filter { snapshotted.contains($0.name) }.map(\.oid))
    }

    /// The publication's tables, creating the publication for `--tables` when it is missing.
    /// Tables whose rows cannot be matched are refused before anything is created.
    func publishedTables(_ catalog: PostgresCatalog) throws -> [CatalogTable] {
        let name = options.publication
        var wanted: [UInt32] = []
        for t in options.tables {
            guard let oid = try catalog.tableOID(named: t) else { throw PostgresCaptureError.unknownTable(t) }
            if !wanted.contains(oid) { wanted.append(oid) }
        }
        let exists = try catalog.publicationExists(name)
        var oids = wanted
        if exists {
            let published = try catalog.publicationTables(name)
            // A restart accepts tables added to the publication by hand since: the stream sends
            // their changes, and they get their rows like a table added while capturing.
            let resuming = try checkpoint.snapshotState(slot: options.slot) != .none
            if !wanted.isEmpty, Set(published) != Set(wanted), !(resuming && Set(wanted).isSubset(of: published)) {
                throw PostgresCaptureError.publicationMismatch(
                    name: name, publishes: try published.compactMap { try catalog.table(oid: $0)?.sqlName },
                    wanted: try wanted.compactMap { try catalog.table(oid: $0)?.sqlName })
            }
            oids = published
            let extra = published.filter { !wanted.contains($0) }
            if !wanted.isEmpty, !extra.isEmpty {
                let names = try extra.compactMap { try catalog.table(oid: $0)?.sqlName }.joined(separator: ", ")
                notify(.note("Publication \(name) also publishes \(names), added by hand besides --tables; \(extra.count == 1 ? "its" : "their") changes are recorded too."))
            }
        } else if wanted.isEmpty {
            throw PostgresCaptureError.publicationMissing(name)
        }
        guard !oids.isEmpty else { throw PostgresCaptureError.publicationEmpty(name) }
        // A publication msr creates publishes stored generated columns where the server can.
        let generated = exists ? try catalog.publishesGeneratedColumns(name) : catalog.connection.serverVersion >= 180_000
        publishesGenerated = generated
        let tables = try oids.compactMap { try catalog.table(oid: $0, generated: generated) }
        let keyless = tables.filter { $0.keyColumns == nil }.map(\.identityFix)
        guard keyless.isEmpty else { throw PostgresCaptureError.tablesWithoutKey(keyless) }
        if let clash = tables.first(where: \.clashesWithCopyColumn) { throw PostgresCaptureError.copyColumnClash(table: clash.sqlName) }
        let list = tables.map(\.sqlName).joined(separator: ", ")
        if exists {
            notify(.note("Using publication \(name) (\(list))."))
        } else {
            // A partitioned table's changes are published as the table's own (PostgreSQL 13 and
            // later), not as its partitions'.
            var with: [String] = []
            if catalog.connection.serverVersion >= 130_000 { with.append("publish_via_partition_root = true") }
            if generated { with.append("publish_generated_columns = stored") }
            let parameters = with.isEmpty ? "" : " WITH (" + with.joined(separator: ", ") + ")"
            try catalog.connection.execute("CREATE PUBLICATION \(try catalog.connection.quoteIdentifier(name)) FOR TABLE \(list)\(parameters)")
            notify(.note("Created publication \(name) for \(list)."))
        }
        for t in tables where !t.unpublishedGenerated.isEmpty {
            let list = t.unpublishedGenerated.joined(separator: ", ")
            notify(.note("Not recorded: generated \(t.unpublishedGenerated.count == 1 ? "column" : "columns") \(list) of \(t.sqlName), which the server does not publish (PostgreSQL 18 can, with publish_generated_columns = stored)."))
        }
        return tables
    }

    /// Resumes from an existing slot, or creates it and takes the snapshot. A snapshot that a
    /// killed capture left half-written is taken back out of the recording first, then its
    /// slot dropped and the snapshot taken again: killed in between, the next run finds the
    /// snapshot still marked as begun and does the same (taking out nothing more).
    func ensureSlot(catalog: PostgresCatalog, replication: PostgresConnection, tables: [CatalogTable]) throws {
        let slot = options.slot
        if case .partial(let fromSeq) = try checkpoint.snapshotState(slot: slot) {
            notify(.note("The initial snapshot from slot \(slot) was interrupted; taking it again."))
            try store.transaction { () throws(RecordingError) in try store.truncateHistory(fromSeq: fromSeq) }
            writer = try RecordingWriter(store: store, options: writerOptions)
            copies = try CopyNumbers(store: store, atSeq: writer.eventCount)
            if try catalog.slot(named: slot) != nil { try replication.execute("DROP_REPLICATION_SLOT \(slot)") }
        } else if let info = try catalog.slot(named: slot) {
            guard info.plugin == "pgoutput" else {
                throw PostgresCaptureError.slotMismatch(slot: slot, detail: "it decodes with \(info.plugin ?? "nothing (it is a physical slot)"), not pgoutput")
            }
            let database = try catalog.currentDatabase()
            guard info.database == database else {
                throw PostgresCaptureError.slotMismatch(slot: slot, detail: "it belongs to database \(info.database ?? "none"), not \(database)")
            }
            if try checkpoint.snapshotState(slot: slot) == .complete {
                confirmed = max(try checkpoint.confirmed(), info.confirmedFlush ?? .zero)
                notify(.note("Resuming from replication slot \(slot) at \(confirmed)."))
                return
            }
            confirmed = info.confirmedFlush ?? .zero
            try checkpoint.completeSnapshot(slot: slot, at: confirmed)
            notify(.warning("""
                Replication slot \(slot) already exists and \(store.location) holds no snapshot from it: resuming \
                from the slot without one, so rows unchanged since the slot was created are not recorded. To take \
                a snapshot, stop, drop the slot (SELECT pg_drop_replication_slot('\(slot)');) and start again.
                """))
            return
        }
        try createSlotWithSnapshot(catalog: catalog, replication: replication, tables: tables)
    }

    private func createSlotWithSnapshot(catalog: PostgresCatalog, replication: PostgresConnection, tables: [CatalogTable]) throws {
        let slot = options.slot
        try checkpoint.beginSnapshot(slot: slot, fromSeq: writer.eventCount + 1)
        let created = try ExportedSnapshotSlot.create(slot, temporary: false, on: replication)
        let point = created.point, name = created.snapshotName
        notify(.note("Created replication slot \(slot) (pgoutput), consistent at \(point)."))
        // Read once the slot exists: creating it waited for every transaction open before, so
        // each commit the snapshot holds is earlier (`queue` keeps streamed ones later).
        let time = try catalog.serverTime()

        var snapshot = PostgresSnapshot(connection: try PostgresConnection(options.dsn), snapshotName: name,
                                        consistentPoint: point, time: time)
        snapshot.chunkRows = options.snapshotChunkRows
        // A table the recording already holds starts over: a truncate marks the gap, then the
        // snapshot's rows are its state.
        var buffer: [SourceChange] = try tables.enumerated().compactMap { i, table in
            try startingOver(table, time: time, point: point, origin: -1 - tables.count + i)
        }
        // Every read shares one commit time, so the writer checks each write against all the
        // reads before it: few large writes keep that cheap.
        let rows = try snapshot.read(tables) { chunk in
            if stop.isRequested { throw PostgresCaptureError.stoppedDuringSnapshot }
            buffer += chunk
            if buffer.count >= options.snapshotWriteChanges {
                try record(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try record(buffer) }
        let meta = snapshottedMeta(Set(tables.map(\.name)))
        try store.setMetaValue(meta.key, meta.value)
        try checkpoint.completeSnapshot(slot: slot, at: point)
        confirmed = point
        summary.snapshotRows = rows
        notify(.note("Initial snapshot: \(rows) \(rows == 1 ? "row" : "rows") of \(tables.count) \(tables.count == 1 ? "table" : "tables") at \(point)."))
    }

    /// Writes snapshot changes straight away.
    private func record(_ changes: [SourceChange]) throws {
        var changes = changes
        copies.number(&changes)
        let report = try writer.write(changes)
        for c in changes { columnTypes[c.table] = c.columns }
        summary.events += report.written
        summary.rejected += report.rejected.count
        for r in report.rejected.prefix(5) { notify(.warning("A row was not recorded: \(r.error.description)")) }
    }

    /// The truncate that starts a table over when the recording already holds rows of it: a
    /// snapshot's rows are then its whole state. Nil for a table the recording holds no rows of.
    func startingOver(_ table: CatalogTable, time: Timestamp, point: LSN, origin: Int) throws -> SourceChange? {
        guard let id = try store.tables().first(where: { $0.name == table.name })?.id,
              try store.rowCount(table: id, atSeq: writer.eventCount) > 0 else { return nil }
        let relation = CapturedRelation(relation: PostgresSnapshot.relation(for: table), keyColumns: table.keyColumns ?? [],
                                        isMultiset: table.isMultiset)
        return SourceChange(table: relation.table, op: .truncate, commitTime: time, position: point.position,
                            keyFields: relation.keyNamesOnly, columns: relation.columns, origin: origin)
    }
}
