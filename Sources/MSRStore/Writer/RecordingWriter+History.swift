import MSRModel

/// Duplicates and late arrivals: comparing new changes with what is already recorded.
extension RecordingWriter {
    /// Drops changes already recorded, or repeated in the input.
    func removeDuplicates(_ pending: [PendingChange], report: inout WriteReport) throws(RecordingError) -> [PendingChange] {
        var seen = Set<EventIdentity>(minimumCapacity: pending.count)
        if let first = pending.first, let last = lastOrder, first.commitTime <= last.time {
            let from = try store.lastSeq(atOrBefore: first.commitTime + -1) + 1
            try forEachStoredEvent(from: from) { seen.insert(EventIdentity($0)) }
        }
        var repeated: [Int] = []
        for i in pending.indices where !seen.insert(pending[i].identity).inserted { repeated.append(i) }
        guard !repeated.isEmpty else { return pending }
        report.duplicates += repeated.count
        var out: [PendingChange] = []
        out.reserveCapacity(pending.count - repeated.count)
        var next = 0
        for (i, p) in pending.enumerated() {
            if next < repeated.count, repeated[next] == i { next += 1 } else { out.append(p) }
        }
        return out
    }

    func forEachStoredEvent(from: Int64, _ body: (ChangeEvent) -> Void) throws(RecordingError) {
        var cursor = from
        while cursor <= lastSeq {
            let upper = min(lastSeq, cursor + 49_999)
            for e in try store.events(in: cursor...upper, table: nil) { body(e) }
            cursor = upper + 1
        }
    }

    /// Takes back the stored events that sort after `first`, rewinds to just before them, and
    /// returns them merged with the new changes, ready to be completed again.
    func rederiveTail(after first: PendingChange, adding pending: [PendingChange],
                      report: inout WriteReport) throws(RecordingError) -> [PendingChange] {
        var start = try store.lastSeq(atOrBefore: first.commitTime + -1) + 1
        var tail: [PendingChange] = []
        var index = 0
        try forEachStoredEvent(from: start) { e in
            let notAfter = e.commitTime == first.commitTime && !SourcePosition.ordersBefore(first.position, e.position)
            if notAfter && tail.isEmpty {
                start = e.seq + 1
                return
            }
            tail.append(pendingChange(from: e, origin: Int.min + index))
            index += 1
            if (e.op == .update || e.op == .delete) && e.before == nil {
                // Completed again below, perhaps from a row that now precedes it.
                unseenTotal -= 1
                report.unseenRows -= 1
            }
        }
        report.rederived = tail.count
        try store.truncateHistory(fromSeq: start)
        try loadEnd(atSeq: start - 1)
        return (tail + pending).sorted(by: PendingChange.sortsBefore)
    }

    /// A stored event as the change a source would have sent: the after-image limited to the
    /// columns the source gave, so that placeholders are completed again from the new past.
    private func pendingChange(from e: ChangeEvent, origin: Int) -> PendingChange {
        var after: PendingImage?
        if let row = e.after {
            let width = max(row.values.count, catalog.schemas[e.table]?.columns.count ?? 0)
            let given = (0..<width).filter { e.givenColumns?.contains($0) ?? true }
            after = PendingImage(fields: given.map { Field("", row[$0]) }, columns: given)
        }
        var oldKey: RowKey?
        if e.op == .update, let before = e.before, let kc = catalog.schemas[e.table]?.keyColumns,
           before.key(kc) != e.key {
            oldKey = before.key(kc)
        }
        return PendingChange(table: e.table, op: e.op, commitTime: e.commitTime, position: e.position,
                             origin: origin, key: e.key, oldKey: oldKey, after: after)
    }
}
