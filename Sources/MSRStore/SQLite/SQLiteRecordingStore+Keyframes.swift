import MSRModel

/// Keyframes: a table's rows at one seq, stored as pages that later keyframes share.
extension SQLiteRecordingStore {
    public func keyframes(table: TableID) throws(RecordingError) -> [KeyframeInfo] {
        try wrap {
            let s = try statement("SELECT seq, row_count FROM keyframes WHERE table_id = ? ORDER BY seq").reset(.int(table))
            var out: [KeyframeInfo] = []
            while try s.step() { out.append(KeyframeInfo(table: table, seq: s.int64(0), rowCount: Int(s.int64(1)))) }
            return out
        }
    }

    public func nearestKeyframe(table: TableID, to seq: Int64, atOrBefore: Bool) throws(RecordingError) -> KeyframeInfo? {
        try wrap {
            let sql = atOrBefore
                ? "SELECT seq, row_count FROM keyframes WHERE table_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1"
                : "SELECT seq, row_count FROM keyframes WHERE table_id = ? AND seq >= ? ORDER BY seq LIMIT 1"
            let s = try statement(sql).reset(.int(table), .int(seq))
            return try s.step() ? KeyframeInfo(table: table, seq: s.int64(0), rowCount: Int(s.int64(1))) : nil
        }
    }

    public func loadKeyframe(table: TableID, seq: Int64) throws(RecordingError) -> RowTree? {
        guard let schema = try tables().first(where: { $0.id == table }) else { return nil }
        let directory: [UInt8]? = try wrap {
            let s = try statement("SELECT pages FROM keyframes WHERE table_id = ? AND seq = ?").reset(.int(table), .int(seq))
            return try s.step() ? s.blob(0) : nil
        }
        guard let directory else { return nil }
        let pageIDs: [(id: Int64, rows: Int)]
        do {
            pageIDs = try BinaryReader.decode(directory) { r throws(BinaryCodingError) in
                let n = try r.varint()
                var out: [(Int64, Int)] = []
                for _ in 0..<n { out.append((Int64(bitPattern: try r.varint()), Int(try r.varint()))) }
                return out
            }
        } catch {
            throw .corrupt(path: location, detail: "keyframe \(seq) of table \(table) cannot be decoded")
        }
        var leaves: [RowTreeNode] = []
        leaves.reserveCapacity(pageIDs.count)
        for page in pageIDs {
            leaves.append(try loadPage(page.id, keyColumns: schema.keyColumns))
        }
        if writable {
            var cache: [ObjectIdentifier: (leaf: RowTreeNode, page: Int64, rows: Int)] = [:]
            for (leaf, page) in zip(leaves, pageIDs) { cache[leaf.identity] = (leaf, page.id, page.rows) }
            pageCache[table] = cache
        }
        return RowTree(leaves: leaves)
    }

    private func loadPage(_ id: Int64, keyColumns: [Int]) throws(RecordingError) -> RowTreeNode {
        let data: [UInt8]? = try wrap {
            let s = try statement("SELECT data FROM pages WHERE id = ?").reset(.int(id))
            return try s.step() ? s.blob(0) : nil
        }
        guard let data else { throw .corrupt(path: location, detail: "keyframe page \(id) is missing") }
        do {
            let rows = try BinaryReader.decode(data) { r throws(BinaryCodingError) in
                let n = try r.varint()
                var rows: [Row] = []
                for _ in 0..<n { rows.append(try r.row()) }
                return rows
            }
            return RowTree.makeLeaf(keys: rows.map { $0.key(keyColumns) }, rows: rows)
        } catch {
            throw .corrupt(path: location, detail: "keyframe page \(id) cannot be decoded")
        }
    }

    /// Writes a keyframe; leaves unchanged since the table's previous keyframe keep their page.
    public func saveKeyframe(table: TableID, seq: Int64, rows: RowTree) throws(RecordingError) {
        let previous = pageCache[table] ?? [:]
        var next: [ObjectIdentifier: (leaf: RowTreeNode, page: Int64, rows: Int)] = [:]
        var directory = BinaryWriter()
        let leaves = rows.leaves
        directory.varint(UInt64(leaves.count))
        try wrap {
            let insert = try statement("INSERT INTO pages(table_id, created_seq, data) VALUES(?, ?, ?)")
            let lastID = try statement("SELECT last_insert_rowid()")
            for leaf in leaves {
                let entries = leaf.leafEntries
                let id: Int64
                if let known = previous[leaf.identity] ?? next[leaf.identity] {
                    id = known.page
                } else {
                    var w = BinaryWriter(capacity: entries.rows.count * 48)
                    w.varint(UInt64(entries.rows.count))
                    for r in entries.rows { w.row(r) }
                    try insert.run(.int(table), .int(seq), .blob(w.bytes))
                    try lastID.reset()
                    _ = try lastID.step()
                    id = lastID.int64(0)
                }
                next[leaf.identity] = (leaf, id, entries.rows.count)
                directory.varint(UInt64(bitPattern: id))
                directory.varint(UInt64(entries.rows.count))
            }
            try statement("INSERT OR REPLACE INTO keyframes(table_id, seq, row_count, pages) VALUES(?, ?, ?, ?)")
                .run(.int(table), .int(seq), .int(rows.count), .blob(directory.bytes))
        }
        pageCache[table] = next
    }

    public func truncateHistory(fromSeq seq: Int64) throws(RecordingError) {
        try wrap {
            try statement("DELETE FROM events WHERE seq >= ?").run(.int(seq))
            try statement("DELETE FROM keyframes WHERE seq >= ?").run(.int(seq))
            try statement("DELETE FROM pages WHERE created_seq >= ?").run(.int(seq))
        }
        pageCache.removeAll()
    }
}
