import Foundation
import MSRModel

/// Meta values, table definitions (under their checksums) and bookmarks.
extension SQLiteRecordingStore {
    public func metaValue(_ key: String) throws(RecordingError) -> String? {
        try wrap {
            let s = try statement("SELECT value FROM meta WHERE key = ?").reset(.text(key))
            return try s.step() ? s.text(0) : nil
        }
    }

    public func setMetaValue(_ key: String, _ value: String) throws(RecordingError) {
        try wrap { try statement("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").run(.text(key), .text(value)) }
    }

    public func tables() throws(RecordingError) -> [TableSchema] {
        if let t = tableCache { return t }
        let rows: [String] = try wrap {
            let s = try statement("SELECT id, qualified_name, definition, checksum FROM source_tables ORDER BY id").reset()
            var out: [String] = []
            while try s.step() {
                let intact = s.kind(0) == .integer && s.kind(1) == .text && s.kind(2) == .text && s.kind(3) == .integer
                guard intact, Self.tableChecksum(id: s.int64(0), name: s.text(1), definition: s.text(2)) == s.int64(3) else {
                    throw SQLiteError(code: SQLiteError.corruptCode, message: "the definition of table id \(s.int64(0)) does not match its checksum")
                }
                out.append(s.text(2))
            }
            return out
        }
        var result: [TableSchema] = []
        for json in rows {
            guard let t = TableDefinitionCache.schema(json) else {
                throw .corrupt(path: location, detail: "a table definition cannot be read")
            }
            result.append(t)
        }
        tableCache = result
        return result
    }

    static func tableChecksum(id: Int64, name: String, definition: String) -> Int64 {
        var c = RowChecksum()
        c.add(id)
        c.add(text: name)
        c.add(text: definition)
        return c.stored
    }

    public func saveTable(_ schema: TableSchema) throws(RecordingError) {
        guard let data = try? JSONEncoder().encode(schema) else { return }
        let json = String(decoding: data, as: UTF8.self)
        let checksum = Self.tableChecksum(id: Int64(schema.id), name: schema.name.qualified, definition: json)
        try wrap {
            try statement("INSERT OR REPLACE INTO source_tables(id, qualified_name, definition, checksum) VALUES(?, ?, ?, ?)")
                .run(.int(schema.id), .text(schema.name.qualified), .text(json), .int(checksum))
        }
        var cached = try tables()
        if let i = cached.firstIndex(where: { $0.id == schema.id }) { cached[i] = schema } else { cached.append(schema) }
        tableCache = cached
    }

    public func bookmarks() throws(RecordingError) -> [Bookmark] {
        try wrap {
            let s = try statement("SELECT id, time, label, note FROM bookmarks ORDER BY time, id").reset()
            var out: [Bookmark] = []
            while try s.step() {
                out.append(Bookmark(id: s.int64(0), time: Timestamp(micros: s.int64(1)), label: s.text(2), note: s.text(3)))
            }
            return out
        }
    }

    @discardableResult
    public func addBookmark(_ bookmark: Bookmark) throws(RecordingError) -> Int64 {
        try wrap {
            try statement("INSERT INTO bookmarks(time, label, note) VALUES(?, ?, ?)")
                .run(.int(bookmark.time.micros), .text(bookmark.label), .text(bookmark.note))
            let s = try statement("SELECT last_insert_rowid()").reset()
            return try s.step() ? s.int64(0) : 0
        }
    }

    /// Changes a bookmark's label and note (its time stays); false when no bookmark has its id.
    @discardableResult
    public func updateBookmark(_ bookmark: Bookmark) throws(RecordingError) -> Bool {
        try wrap {
            try statement("UPDATE bookmarks SET label = ?, note = ? WHERE id = ?")
                .run(.text(bookmark.label), .text(bookmark.note), .int(bookmark.id))
            return try changedRows() > 0
        }
    }

    /// Removes the bookmark with `id`; false when there is none.
    @discardableResult
    public func removeBookmark(id: Int64) throws(RecordingError) -> Bool {
        try wrap {
            try statement("DELETE FROM bookmarks WHERE id = ?").run(.int(id))
            return try changedRows() > 0
        }
    }

    private func changedRows() throws -> Int64 {
        let s = try statement("SELECT changes()").reset()
        return try s.step() ? s.int64(0) : 0
    }
}
