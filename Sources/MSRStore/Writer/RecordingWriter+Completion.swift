import MSRModel

/// Matching source changes to keys, and completing them into invertible events.
extension RecordingWriter {
    func prepare(_ c: borrowing SourceChange, table t: TableSchema) throws(RecordingError) -> PendingChange {
        let after = c.after.map { catalog.image($0, table: t) }
        var p = PendingChange(table: t.id, op: c.op, commitTime: c.commitTime, position: c.position,
                              origin: c.origin, key: RowKey([]), oldKey: nil, after: after)
        var keyNames: String { t.keyColumnNames.joined(separator: ", ") }
        switch c.op {
        case .truncate:
            p.after = nil
        case .insert, .read, .update:
            guard after != nil else {
                throw .invalidChange(table: t.name.qualified, detail: "an \(c.op.name) without an after-image")
            }
            guard let k = catalog.key(from: c.keyFields, table: t, options) ?? catalog.key(from: c.after, table: t, options)
                    ?? (c.op == .update ? catalog.key(from: c.before, table: t, options) : nil) else {
                throw .noUsableKey(table: t.name.qualified, detail: "neither the message key nor the after-image holds \(keyNames)")
            }
            p.key = k
            if c.op == .update, let old = catalog.key(from: c.before, table: t, options), old != k { p.oldKey = old }
        case .delete:
            guard let k = catalog.key(from: c.keyFields, table: t, options) ?? catalog.key(from: c.before, table: t, options) else {
                throw .noUsableKey(table: t.name.qualified, detail: "a delete whose message key and before-image lack \(keyNames)")
            }
            p.key = k
            p.after = nil
        }
        return p
    }

    /// Builds the stored event: before-image from the current state, after-image completed
    /// (placeholders and unsent columns keep their previous values).
    func complete(_ p: borrowing PendingChange, seq: Int64, schema: TableSchema, state: TableState,
                  report: inout WriteReport) -> ChangeEvent {
        var event = ChangeEvent(seq: seq, commitTime: p.commitTime, position: p.position, table: p.table,
                                op: p.op, key: p.key, before: nil, after: nil)
        switch p.op {
        case .truncate:
            event.key = RowKey([])
        case .delete:
            event.before = state[p.key]
            if event.before == nil { noteUnseen(&report) }
        case .read where snapshots.isSuperseded(p) || (p.after?.fields.isEmpty ?? true):
            // A stale snapshot row (or one recorded so before): read, the row left as it is.
            if !(p.after?.fields.isEmpty ?? true) { report.staleSnapshotRows += 1 }
            event.before = state[p.key]
            event.after = event.before
            event.givenColumns = ColumnMask()
        case .insert, .read, .update:
            let previous = state[p.oldKey ?? p.key]
            var row: Row
            if p.op == .update {
                if previous == nil { noteUnseen(&report) }
                row = previous ?? Row([])
                if previous == nil {
                    // A row never seen, its key perhaps only in the before-image or message key:
                    // the key columns hold the key the change named.
                    for (i, c) in schema.keyColumns.enumerated() where i < p.key.values.count { row[c] = p.key.values[i] }
                }
            } else {
                row = Row([])
                row.values.reserveCapacity(schema.columns.count)
            }
            // The columns the source gave, as bits; a wide table (64 columns or more) also
            // keeps them in a mask as it goes.
            var givenBits: UInt64 = 0
            var wide: ColumnMask?
            var givenCount = 0
            p.after?.forEachCell { column, value in
                if options.inBandPlaceholders, value.isUnavailable {
                    row[column] = previous?[column] ?? .null
                    return
                }
                row[column] = value
                if column < 64 {
                    let bit: UInt64 = 1 << UInt64(column)
                    if givenBits & bit == 0 { givenCount += 1 }
                    givenBits |= bit
                } else {
                    if !(wide?.contains(column) ?? false) { givenCount += 1 }
                    if wide == nil { wide = ColumnMask() }
                    wide?.insert(column)
                }
            }
            if givenCount < schema.columns.count {
                var mask = wide ?? ColumnMask()
                for c in 0..<64 where givenBits & (1 << UInt64(c)) != 0 { mask.insert(c) }
                event.givenColumns = mask
            }
            event.before = previous
            event.after = row
            // Usually the key the change named; a new one only when the row says otherwise.
            let keyColumns = schema.keyColumns
            if keyColumns.count != p.key.values.count
                || keyColumns.indices.contains(where: { row[keyColumns[$0]] != p.key.values[$0] }) {
                event.key = row.key(keyColumns)
            }
        }
        return event
    }

    private func noteUnseen(_ report: inout WriteReport) {
        report.unseenRows += 1
        unseenTotal += 1
    }
}
