import CSQLite3
import Foundation
import MSRModel

/// The embedded recording store: one SQLite file in WAL mode.
///
/// A writer commits events in batches; a reader opened at the same time sees every committed
/// batch. A writer killed at any moment leaves the file at its last committed batch.
public final class SQLiteRecordingStore: RecordingStore {
    public let location: String
    let db: SQLiteConnection
    let writable: Bool
    private var statements: [String: SQLiteStatement] = [:]
    private var inUse: [SQLiteStatement] = []
    private var wrapDepth = 0
    var tableCache: [TableSchema]?
    var seenDataVersion: Int64 = -1
    /// Per table, the pages of its latest keyframe by leaf identity, holding the leaves alive
    /// so their identities cannot be reused while they are remembered.
    var pageCache: [TableID: [ObjectIdentifier: CachedPage]] = [:]
    /// Reads pages for the lazy keyframes of a read-only store; opened at the first keyframe.
    var lazyPageReader: KeyframePageReader?
    public let damage = DamageMonitor()
    /// Whether every read sees the recording as it was at `pinSnapshot()`.
    var pinned = false
    /// The writer's copy of `table_ends`, loaded at its first append.
    var tableEnds: [TableID: Int64]?
    /// Held by a store opened to write (`init(creatingAt:)`) for as long as it is open.
    private var writerLock: WriterLock?

    /// A keyframe page a writable store has read or written, by the leaf that holds its rows.
    struct CachedPage {
        var leaf: RowTreeNode
        var page: Int64
        var rows: Int
        var checksum: Int64
    }

    /// Opens an existing recording.
    public init(openingAt path: String, writable: Bool = false) throws(RecordingError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        location = path
        self.writable = writable
        do {
            db = try SQLiteConnection(path: path, readOnly: !writable)
        } catch {
            throw .opening(path: path, error)
        }
        try checkFormat()
        if writable { try configureForWriting() }
    }

    /// Creates a recording, or opens it for writing when it already exists.
    public init(creatingAt path: String, keyframeInterval: Int = 2000) throws(RecordingError) {
        location = path
        writable = true
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            db = try SQLiteConnection(path: path, create: true)
        } catch {
            throw .opening(path: path, error)
        }
        writerLock = try WriterLock(path: path)
        let hasTables: Bool
        do { hasTables = existed ? try fileHasTables() : false } catch { throw .opening(path: path, error) }
        if hasTables {
            try checkFormat()
            try configureForWriting()
            return
        }
        // Keyframe pages hold 64 rows, several kilobytes: with SQLite's default 4 KiB pages
        // each would spill into overflow pages and waste about a third of the file. The page
        // size can only be chosen before anything is written, so before WAL mode too.
        try wrap { try db.execute("PRAGMA page_size=16384") }
        try configureForWriting()
        try wrap {
            try db.execute(SQLiteSchema.create)
            try statement("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").run(.text("format_version"), .text(String(SQLiteSchema.formatVersion)))
            try statement("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").run(.text("application"), .text(SQLiteSchema.application))
            try statement("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").run(.text("keyframe_interval"), .text(String(keyframeInterval)))
        }
    }

    private func fileHasTables() throws(SQLiteError) -> Bool {
        let s = try db.prepare("SELECT count(*) FROM sqlite_master")
        return try s.step() && s.int64(0) > 0
    }

    private func configureForWriting() throws(RecordingError) {
        try wrap {
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;")
        }
    }

    /// Refuses files that are not recordings, or that a newer msr wrote. A file SQLite cannot
    /// read at all says why (full disk, read-only, truncated…) rather than "not a recording".
    private func checkFormat() throws(RecordingError) {
        // A file shorter than its header says is cut short, whatever a read would say. With a
        // log beside it a checkpoint may be growing the file, so then only errors tell.
        if !FileManager.default.fileExists(atPath: location + "-wal"), let t = RecordingError.truncation(location) {
            throw .truncated(path: location, bytes: t.bytes, expected: t.expected)
        }
        let version: String?
        do {
            let s = try db.prepare("SELECT value FROM meta WHERE key = 'format_version'")
            version = try s.step() ? s.text(0) : nil
            s.finish()
        } catch {
            // SQLITE_ERROR here is "no such table: meta": an SQLite file that msr did not write.
            if error.primaryCode == SQLITE_ERROR { throw .notARecording(path: location) }
            throw .opening(path: location, error)
        }
        guard let version, let v = Int(version) else { throw .notARecording(path: location) }
        if v > SQLiteSchema.formatVersion {
            throw .newerVersion(path: location, found: v, supported: SQLiteSchema.formatVersion)
        }
        if v < SQLiteSchema.formatVersion {
            throw .olderVersion(path: location, found: v, supported: SQLiteSchema.formatVersion)
        }
    }

    /// A cached prepared statement.
    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let s: SQLiteStatement
        if let cached = statements[sql] {
            s = cached
        } else {
            s = try db.prepare(sql)
            statements[sql] = s
        }
        inUse.append(s)
        return s
    }

    /// Runs SQLite work, turning its errors into recording errors that name the file.
    func wrap<T>(_ body: () throws -> T) throws(RecordingError) -> T {
        // A statement left on a row keeps its read transaction open, and the connection would
        // not see what a capture commits after it; so every statement is reset when done.
        wrapDepth += 1
        defer {
            wrapDepth -= 1
            if wrapDepth == 0 {
                for s in inUse { s.finish() }
                inUse.removeAll(keepingCapacity: true)
            }
        }
        do {
            return try body()
        } catch let error as SQLiteError {
            // Checksum mismatches and SQLite's own damage reports keep their detail.
            if error.primaryCode == SQLITE_CORRUPT && RecordingError.truncation(location) == nil {
                throw .corrupt(path: location, detail: error.message)
            }
            throw .opening(path: location, error)
        } catch let error as RecordingError {
            throw error
        } catch {
            throw .storage(path: location, detail: String(describing: error))
        }
    }

    /// Runs reads that must agree with each other (events and the checks that none is missing)
    /// in one read transaction, unless one is open already (a pinned snapshot, the writer's).
    func readConsistently<T>(_ body: () throws(RecordingError) -> T) throws(RecordingError) -> T {
        guard db.isAutocommit else { return try body() }
        try wrap { try db.execute("BEGIN") }
        do {
            let result = try body()
            try wrap { try db.execute("COMMIT") }
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Makes every committed transaction survive a power cut, not only a killed process
    /// (`PRAGMA synchronous=FULL`): for live capture, which confirms positions to its source
    /// only once they are durable.
    public func requireDurableCommits() throws(RecordingError) {
        try wrap { try db.execute("PRAGMA synchronous=FULL") }
    }

    /// Makes every later read see the recording as it was now, until `close()`: one read
    /// transaction held open, so a command that reads in many steps while an ingest or a
    /// capture commits sees whole batches only, never a mix (tables from before, events from
    /// after, a tail half re-derived). Keyframes are then read whole, through this connection,
    /// since a lazy page read later on another connection would see a newer recording.
    public func pinSnapshot() throws(RecordingError) {
        guard !pinned, !writable else { return }
        try wrap {
            try db.execute("BEGIN")
            // A read transaction starts at its first read, not at BEGIN.
            let s = try statement("SELECT count(*) FROM meta").reset()
            _ = try s.step()
        }
        pinned = true
        tableCache = nil
    }

    public func close() {
        // Trees already handed out may still read pages: the reader closes its connection
        // when the last of them is gone.
        lazyPageReader = nil
        statements.removeAll()
        if pinned { try? db.execute("COMMIT") }
        db.close()
        writerLock = nil
    }

    public func transaction(_ body: () throws(RecordingError) -> Void) throws(RecordingError) {
        try wrap { try db.execute("BEGIN IMMEDIATE") }
        do {
            try body()
            try wrap { try db.execute("COMMIT") }
        } catch {
            try? db.execute("ROLLBACK")
            tableCache = nil
            tableEnds = nil
            pageCache.removeAll()
            throw error
        }
    }
}
