import CSQLite3
import Foundation

/// An error reported by SQLite, with its result code and message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var message: String
    /// The operating system's errno behind an I/O failure (`sqlite3_system_errno`), or 0.
    public var systemErrno: Int32 = 0

    /// The result code without its extended part (`SQLITE_IOERR_SHORT_READ` → `SQLITE_IOERR`).
    var primaryCode: Int32 { code & 0xff }
    public var description: String { "SQLite error \(code): \(message)" }

    /// `SQLITE_CORRUPT`: also what msr reports for a row that fails its checksum.
    static let corruptCode: Int32 = 11
}

/// One connection to an SQLite database file (`sqlite3 *`).
///
/// Not thread-safe: one owner uses it at a time. Every C call goes through `check`, which turns
/// an error code into a thrown `SQLiteError`.
final class SQLiteConnection {
    private(set) var handle: OpaquePointer?

    /// Opens (`sqlite3_open_v2`) the file; creates it only when `create` is set.
    init(path: String, readOnly: Bool = false, create: Bool = false) throws(SQLiteError) {
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        var name = path
        // On a read-only file system SQLite cannot make the shared-memory file a WAL reader
        // needs; nobody can change the file there either, so it is read as immutable.
        if readOnly, Self.onReadOnlyFileSystem(path),
           let escaped = URL(fileURLWithPath: path).path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) {
            name = "file:\(escaped)?immutable=1"
            flags |= SQLITE_OPEN_URI
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        if let db { sqlite3_extended_result_codes(db, 1) }
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            let errno = db.map { sqlite3_system_errno($0) } ?? 0
            sqlite3_close(db)
            throw SQLiteError(code: rc, message: message, systemErrno: errno)
        }
        handle = db
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { close() }

    /// Whether the file system holding `path` is mounted read-only (`statvfs`, `ST_RDONLY`).
    static func onReadOnlyFileSystem(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return false }
        return info.f_flag & UInt(ST_RDONLY) != 0
    }

    func close() {
        if let h = handle { sqlite3_close_v2(h) }
        handle = nil
    }

    func check(_ rc: Int32) throws(SQLiteError) {
        guard rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE else {
            throw SQLiteError(code: rc, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed",
                              systemErrno: handle.map { sqlite3_system_errno($0) } ?? 0)
        }
    }

    /// Runs one or more statements that return no rows (`sqlite3_exec`).
    func execute(_ sql: String) throws(SQLiteError) {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw SQLiteError(code: rc, message: message,
                              systemErrno: handle.map { sqlite3_system_errno($0) } ?? 0)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &stmt, nil))
        guard let stmt else { throw SQLiteError(code: SQLITE_MISUSE, message: "empty statement") }
        return SQLiteStatement(stmt, connection: self)
    }

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    func transaction<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Whether no transaction is open (`sqlite3_get_autocommit`).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }
}
