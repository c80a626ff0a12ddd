import CSQLite3

/// A prepared statement (`sqlite3_stmt *`), reset and rebound for each use.
final class SQLiteStatement {
    private let stmt: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    /// Clears the previous run and binds `values` to the parameters, in order.
    @discardableResult
    func reset(_ values: SQLiteValue...) throws(SQLiteError) -> SQLiteStatement {
        try reset(binding: values)
    }

    /// The same with the values in an array (for callers that build them at run time).
    @discardableResult
    func reset(binding values: [SQLiteValue]) throws(SQLiteError) -> SQLiteStatement {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        try bindAll(values)
        return self
    }

    /// Columns of the statement's rows (`sqlite3_column_count`).
    var columnCount: Int32 { sqlite3_column_count(stmt) }

    /// A column of the current row in whatever type SQLite holds it.
    func value(_ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(stmt, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .int(int64(column))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(stmt, column))
        case SQLITE_BLOB: return .blob(blob(column) ?? [])
        default: return .text(text(column))
        }
    }

    /// Advances to the next row; false when there are no more (`sqlite3_step`).
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        try connection.check(rc)
        return false
    }

    /// Ends a run left part-read, so it no longer holds a read transaction open
    /// (`sqlite3_stmt_busy`, `sqlite3_reset`); bindings stay.
    func finish() {
        if sqlite3_stmt_busy(stmt) != 0 { sqlite3_reset(stmt) }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: SQLiteValue...) throws(SQLiteError) {
        _ = try reset(binding: values).step()
    }

    /// Clears the previous run for a caller that binds every parameter itself with `bind`
    /// (`sqlite3_reset`): the way to run one insert many times without building values.
    func rewind() {
        sqlite3_reset(stmt)
    }

    /// Binds an integer, or NULL for nil, to parameter `index` (1-based; `sqlite3_bind_int64`).
    func bind(_ index: Int32, _ value: Int64?) throws(SQLiteError) {
        let rc = value.map { sqlite3_bind_int64(stmt, index, $0) } ?? sqlite3_bind_null(stmt, index)
        // Only a failure needs the connection (its message); reaching it costs a reference count.
        if rc != SQLITE_OK { try connection.check(rc) }
    }

    /// Binds bytes to parameter `index` without copying them (`sqlite3_bind_blob` with
    /// `SQLITE_STATIC`): the caller keeps them alive and unchanged until the statement has
    /// stepped. NULL when `bytes` is nil.
    func bind(_ index: Int32, borrowing bytes: UnsafeRawBufferPointer?) throws(SQLiteError) {
        let rc: Int32
        if let bytes {
            rc = sqlite3_bind_blob(stmt, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), nil)
        } else {
            rc = sqlite3_bind_null(stmt, index)
        }
        if rc != SQLITE_OK { try connection.check(rc) }
    }

    /// Binds a copy of `bytes` to parameter `index` (`SQLITE_TRANSIENT`).
    func bind(_ index: Int32, copying bytes: [UInt8]) throws(SQLiteError) {
        let rc = bytes.withUnsafeBytes { buf in
            sqlite3_bind_blob(stmt, index, buf.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buf.count), msr_sqlite_transient())
        }
        if rc != SQLITE_OK { try connection.check(rc) }
    }

    private func bindAll(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (i, v) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, index)
            case .int(let x): rc = sqlite3_bind_int64(stmt, index, x)
            case .double(let x): rc = sqlite3_bind_double(stmt, index, x)
            case .text(let x): rc = sqlite3_bind_text(stmt, index, x, -1, msr_sqlite_transient())
            case .blob(let x):
                rc = x.withUnsafeBytes { buf in
                    sqlite3_bind_blob(stmt, index, buf.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buf.count), msr_sqlite_transient())
                }
            }
            try connection.check(rc)
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }
    func isBlob(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_BLOB }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }
    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, column) else { return "" }
        return String(cString: p)
    }

    /// The blob's bytes, valid only until the next step; nil for NULL.
    func withBlob<T, E: Error>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws(E) -> T) throws(E) -> T? {
        if isNull(column) { return nil }
        let n = Int(sqlite3_column_bytes(stmt, column))
        guard let p = sqlite3_column_blob(stmt, column) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// The blob's bytes in SQLite's own buffer, valid only until the next step; nil for NULL.
    /// Reading other columns as integers leaves it valid (only converting this column would not).
    func borrowedBlob(_ column: Int32) -> UnsafeRawBufferPointer? {
        withBlob(column) { $0 }
    }

    /// The kind of value SQLite holds in a column of the current row (`sqlite3_column_type`).
    func kind(_ column: Int32) -> SQLiteKind {
        switch sqlite3_column_type(stmt, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .float
        case SQLITE_BLOB: return .blob
        default: return .text
        }
    }

    func blob(_ column: Int32) -> [UInt8]? {
        withBlob(column) { Array($0) }
    }
}

/// The storage classes of SQLite values.
enum SQLiteKind {
    case null, integer, float, text, blob
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    static func int(_ v: Int) -> SQLiteValue { .int(Int64(v)) }
    static func int(_ v: Int32) -> SQLiteValue { .int(Int64(v)) }
    static func int(_ v: Int64?) -> SQLiteValue { v.map { .int($0) } ?? .null }
    static func blob(_ v: [UInt8]?) -> SQLiteValue { v.map { .blob($0) } ?? .null }
}
