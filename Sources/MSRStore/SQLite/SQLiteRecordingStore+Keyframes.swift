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
            // The directory is read too, so that the row's checksum vouches for its seq.
            let sql = atOrBefore
                ? "SELECT seq, row_count, pages, checksum FROM keyframes WHERE table_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1"
                : "SELECT seq, row_count, pages, checksum FROM keyframes WHERE table_id = ? AND seq >= ? ORDER BY seq LIMIT 1"
            let s = try statement(sql).reset(.int(table), .int(seq))
            guard try s.step() else { return nil }
            _ = try verifiedDirectory(s, table: table, seq: s.int64(0))
            return KeyframeInfo(table: table, seq: s.int64(0), rowCount: Int(s.int64(1)))
        }
    }

    /// A read-only store loads keyframes lazily: the tree is built from the directory (each
    /// page's row count and first key), and a page is read when something first looks at its
    /// rows. A writable store reads every page at once and remembers them by leaf identity, so
    /// its next keyframe shares the unchanged ones.
    public func loadKeyframe(table: TableID, seq: Int64) throws(RecordingError) -> RowTree? {
        guard let schema = try tables().first(where: { $0.id == table }) else { return nil }
        let lazy = !writable && !pinned
        // Read before the directory: a directory of a later revision than this is then taken
        // for an earlier one, so a page missing from it counts as a rewrite once more (and is
        // read again), never the other way round (a rewrite reported as damage).
        let revision = lazy ? try historyRevision() : 0
        let directory: [UInt8]? = try wrap {
            let s = try statement("SELECT ?, row_count, pages, checksum FROM keyframes WHERE table_id = ? AND seq = ?")
                .reset(.int(seq), .int(table), .int(seq))
            return try s.step() ? try verifiedDirectory(s, table: table, seq: seq) : nil
        }
        guard let directory else { return nil }
        do {
            let place = KeyframePlace(table: schema.name.qualified, tableID: table, seq: seq, revision: revision)
            if lazy { return try lazyTree(directory, keyColumns: schema.keyColumns, place: place) }
            return try wholeTree(table: table, directory: directory, keyColumns: schema.keyColumns, place: place)
        } catch let error as RecordingError {
            throw error
        } catch {
            throw .corrupt(path: location, detail: "keyframe \(seq) of table \(table) cannot be decoded")
        }
    }

    /// The directory of the current keyframe row (columns: seq, row_count, pages, checksum),
    /// once its checksum matches.
    private func verifiedDirectory(_ s: SQLiteStatement, table: TableID, seq: Int64) throws(SQLiteError) -> [UInt8] {
        let directory = s.blob(2)
        guard s.kind(1) == .integer, s.kind(2) == .blob, s.kind(3) == .integer, let directory,
              KeyframePage.keyframeChecksum(table: Int64(table), seq: seq, rows: s.int64(1), directory: directory) == s.int64(3) else {
            throw SQLiteError(code: SQLiteError.corruptCode, message: "the keyframe at seq \(seq)\(tableLabel(Int64(table))) does not match its checksum")
        }
        return directory
    }

    /// Pages per lazy inner node of a big keyframe: opening one reads a single key per run.
    static let pagesPerRun = 32

    /// A read-only store's keyframe: a tree of unloaded nodes. A small table gets one lazy leaf
    /// per page; a big one a lazy inner node per run of pages, so that opening its keyframe
    /// decodes only one key per run, not one per page.
    private func lazyTree(_ directory: [UInt8], keyColumns: [Int], place: KeyframePlace) throws -> RowTree {
        let reader = try pageReader()
        let runs = try KeyframePage.scanRuns(directory, pagesPerRun: Self.pagesPerRun)
        if runs.count <= 2 {
            return RowTree(leaves: try runs.flatMap { try KeyframePage.decodeEntries(directory, run: $0) }.map { entry in
                RowTree.makeLazyLeaf(source: StoredKeyframePage(reader: reader, entry: entry, place: place), keyColumns: keyColumns,
                                     firstKey: entry.firstKey, count: entry.rows)
            })
        }
        return RowTree(leaves: runs.map { run in
            RowTree.makeLazyGroup(source: StoredKeyframeRun(reader: reader, directory: directory, run: run, keyColumns: keyColumns, place: place),
                                  keyColumns: keyColumns, firstKey: run.firstKey, count: run.rows)
        })
    }

    /// A writable store's keyframe: every page read now, and remembered by leaf identity so
    /// that the next keyframe shares the unchanged ones.
    private func wholeTree(table: TableID, directory: [UInt8], keyColumns: [Int], place: KeyframePlace) throws -> RowTree {
        let entries = try KeyframePage.decodeDirectory(directory)
        var leaves: [RowTreeNode] = []
        leaves.reserveCapacity(entries.count)
        var cache: [ObjectIdentifier: CachedPage] = [:]
        for entry in entries {
            let leaf = try loadPage(entry, keyColumns: keyColumns, place: place)
            cache[leaf.identity] = CachedPage(leaf: leaf, page: entry.id, rows: entry.rows, checksum: entry.checksum)
            leaves.append(leaf)
        }
        pageCache[table] = cache
        return RowTree(leaves: leaves)
    }

    private func pageReader() throws(RecordingError) -> KeyframePageReader {
        if let r = lazyPageReader { return r }
        let r = try KeyframePageReader(path: location, damage: damage)
        lazyPageReader = r
        return r
    }

    private func loadPage(_ entry: KeyframePage.Entry, keyColumns: [Int], place: KeyframePlace) throws(RecordingError) -> RowTreeNode {
        let data: [UInt8]? = try wrap {
            let s = try statement("SELECT data FROM pages WHERE id = ?").reset(.int(entry.id))
            return try s.step() ? s.blob(0) : nil
        }
        do throws(KeyframePageError) {
            let rows = try KeyframePage.verifiedRows(data, entry: entry, place: place)
            return RowTree.makeLeaf(keys: rows.map { $0.key(keyColumns) }, rows: rows)
        } catch {
            throw .corrupt(path: location, detail: error.detail)
        }
    }

    /// Writes a keyframe; leaves unchanged since the table's previous keyframe keep their page.
    public func saveKeyframe(table: TableID, seq: Int64, rows: RowTree) throws(RecordingError) {
        let previous = pageCache[table] ?? [:]
        var next: [ObjectIdentifier: CachedPage] = [:]
        var directory: [KeyframePage.Entry] = []
        let leaves = rows.leaves
        directory.reserveCapacity(leaves.count)
        try wrap {
            let insert = try statement("INSERT INTO pages(table_id, created_seq, data) VALUES(?, ?, ?)")
            let lastID = try statement("SELECT last_insert_rowid()")
            for leaf in leaves {
                if let known = previous[leaf.identity] ?? next[leaf.identity] {
                    next[leaf.identity] = known
                    directory.append(KeyframePage.Entry(id: known.page, rows: known.rows, firstKey: leaf.leafEntries.keys[0], checksum: known.checksum))
                    continue
                }
                let entries = leaf.leafEntries
                guard let first = entries.keys.first else { continue }
                let data = KeyframePage.encodeRows(entries.rows)
                let checksum = KeyframePage.checksum(table: table, data: data)
                try insert.run(.int(table), .int(seq), .blob(data))
                try lastID.reset()
                _ = try lastID.step()
                let id = lastID.int64(0)
                next[leaf.identity] = CachedPage(leaf: leaf, page: id, rows: entries.rows.count, checksum: checksum)
                directory.append(KeyframePage.Entry(id: id, rows: entries.rows.count, firstKey: first, checksum: checksum))
            }
            let encoded = KeyframePage.encodeDirectory(directory)
            let checksum = KeyframePage.keyframeChecksum(table: Int64(table), seq: seq, rows: Int64(rows.count), directory: encoded)
            try statement("INSERT OR REPLACE INTO keyframes(table_id, seq, row_count, pages, checksum) VALUES(?, ?, ?, ?, ?)")
                .run(.int(table), .int(seq), .int(rows.count), .blob(encoded), .int(checksum))
        }
        pageCache[table] = next
    }

    public func truncateHistory(fromSeq seq: Int64) throws(RecordingError) {
        try wrap {
            try statement("DELETE FROM events WHERE seq >= ?").run(.int(seq))
            try statement("DELETE FROM keyframes WHERE seq >= ?").run(.int(seq))
            try statement("DELETE FROM pages WHERE created_seq >= ?").run(.int(seq))
            try recomputeTableEnds()
        }
        // Readers that hold trees of the deleted keyframes learn from this that their pages
        // are gone by a rewrite, not by damage.
        try countHistoryRewrite()
        pageCache.removeAll()
    }
}
