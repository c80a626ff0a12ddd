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

    /// A read-only store loads keyframes lazily: the tree is built from the directory (each
    /// page's row count and first key), and a page is read when something first looks at its
    /// rows. A writable store reads every page at once and remembers them by leaf identity, so
    /// its next keyframe shares the unchanged ones.
    public func loadKeyframe(table: TableID, seq: Int64) throws(RecordingError) -> RowTree? {
        guard let schema = try tables().first(where: { $0.id == table }) else { return nil }
        let directory: [UInt8]? = try wrap {
            let s = try statement("SELECT pages FROM keyframes WHERE table_id = ? AND seq = ?").reset(.int(table), .int(seq))
            return try s.step() ? s.blob(0) : nil
        }
        guard let directory else { return nil }
        do {
            if !writable { return try lazyTree(directory, keyColumns: schema.keyColumns) }
            return try wholeTree(table: table, directory: directory, keyColumns: schema.keyColumns)
        } catch let error as RecordingError {
            throw error
        } catch {
            throw .corrupt(path: location, detail: "keyframe \(seq) of table \(table) cannot be decoded")
        }
    }

    /// Pages per lazy inner node of a big keyframe: opening one reads a single key per run.
    static let pagesPerRun = 32

    /// A read-only store's keyframe: a tree of unloaded nodes. A small table gets one lazy leaf
    /// per page; a big one a lazy inner node per run of pages, so that opening its keyframe
    /// decodes only one key per run, not one per page.
    private func lazyTree(_ directory: [UInt8], keyColumns: [Int]) throws -> RowTree {
        let reader = try pageReader()
        let runs = try KeyframePage.scanRuns(directory, pagesPerRun: Self.pagesPerRun)
        if runs.count <= 2 {
            return RowTree(leaves: try runs.flatMap { try KeyframePage.decodeEntries(directory, run: $0) }.map { entry in
                RowTree.makeLazyLeaf(source: StoredKeyframePage(reader: reader, id: entry.id), keyColumns: keyColumns,
                                     firstKey: entry.firstKey, count: entry.rows)
            })
        }
        return RowTree(leaves: runs.map { run in
            RowTree.makeLazyGroup(source: StoredKeyframeRun(reader: reader, directory: directory, run: run, keyColumns: keyColumns),
                                  keyColumns: keyColumns, firstKey: run.firstKey, count: run.rows)
        })
    }

    /// A writable store's keyframe: every page read now, and remembered by leaf identity so
    /// that the next keyframe shares the unchanged ones.
    private func wholeTree(table: TableID, directory: [UInt8], keyColumns: [Int]) throws -> RowTree {
        let entries = try KeyframePage.decodeDirectory(directory)
        var leaves: [RowTreeNode] = []
        leaves.reserveCapacity(entries.count)
        var cache: [ObjectIdentifier: (leaf: RowTreeNode, page: Int64, rows: Int)] = [:]
        for entry in entries {
            let leaf = try loadPage(entry.id, keyColumns: keyColumns)
            cache[leaf.identity] = (leaf, entry.id, entry.rows)
            leaves.append(leaf)
        }
        pageCache[table] = cache
        return RowTree(leaves: leaves)
    }

    /// Keyframe pages that could not be read since the store opened (lazy leaves load them
    /// empty rather than stop a lookup).
    public var damagedPages: Int { lazyPageReader?.failures ?? 0 }

    private func pageReader() throws(RecordingError) -> KeyframePageReader {
        if let r = lazyPageReader { return r }
        let r = try KeyframePageReader(path: location)
        lazyPageReader = r
        return r
    }

    private func loadPage(_ id: Int64, keyColumns: [Int]) throws(RecordingError) -> RowTreeNode {
        let data: [UInt8]? = try wrap {
            let s = try statement("SELECT data FROM pages WHERE id = ?").reset(.int(id))
            return try s.step() ? s.blob(0) : nil
        }
        guard let data else { throw .corrupt(path: location, detail: "keyframe page \(id) is missing") }
        do {
            let rows = try KeyframePage.decodeRows(data)
            return RowTree.makeLeaf(keys: rows.map { $0.key(keyColumns) }, rows: rows)
        } catch {
            throw .corrupt(path: location, detail: "keyframe page \(id) cannot be decoded")
        }
    }

    /// Writes a keyframe; leaves unchanged since the table's previous keyframe keep their page.
    public func saveKeyframe(table: TableID, seq: Int64, rows: RowTree) throws(RecordingError) {
        let previous = pageCache[table] ?? [:]
        var next: [ObjectIdentifier: (leaf: RowTreeNode, page: Int64, rows: Int)] = [:]
        var directory: [KeyframePage.Entry] = []
        let leaves = rows.leaves
        directory.reserveCapacity(leaves.count)
        try wrap {
            let insert = try statement("INSERT INTO pages(table_id, created_seq, data) VALUES(?, ?, ?)")
            let lastID = try statement("SELECT last_insert_rowid()")
            for leaf in leaves {
                if let known = previous[leaf.identity] ?? next[leaf.identity] {
                    next[leaf.identity] = known
                    directory.append(KeyframePage.Entry(id: known.page, rows: known.rows, firstKey: leaf.leafEntries.keys[0]))
                    continue
                }
                let entries = leaf.leafEntries
                guard let first = entries.keys.first else { continue }
                try insert.run(.int(table), .int(seq), .blob(KeyframePage.encodeRows(entries.rows)))
                try lastID.reset()
                _ = try lastID.step()
                let id = lastID.int64(0)
                next[leaf.identity] = (leaf, id, entries.rows.count)
                directory.append(KeyframePage.Entry(id: id, rows: entries.rows.count, firstKey: first))
            }
            try statement("INSERT OR REPLACE INTO keyframes(table_id, seq, row_count, pages) VALUES(?, ?, ?, ?)")
                .run(.int(table), .int(seq), .int(rows.count), .blob(KeyframePage.encodeDirectory(directory)))
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
