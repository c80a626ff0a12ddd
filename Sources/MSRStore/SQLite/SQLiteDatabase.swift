import MSRModel

/// A plain SQLite database for work outside the recording format: run SQL, bind `Value`s, read
/// rows back as `Value`s.
///
/// The benchmark uses it for its SQLite contender (the window-function query a user would
/// write against an event table), so that only MSRStore imports the SQLite C library. Not
/// thread-safe: one owner at a time.
public final class SQLiteDatabase {
    public let path: String
    private let connection: SQLiteConnection
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (or creates) the database file at `path`.
    public init(path: String, create: Bool = true) throws(RecordingError) {
        self.path = path
        do {
            connection = try SQLiteConnection(path: path, create: create)
        } catch {
            throw .opening(path: path, error)
        }
    }

    /// Runs statements that return no rows (DDL, PRAGMA, BEGIN/COMMIT).
    public func execute(_ sql: String) throws(RecordingError) {
        do { try connection.execute(sql) } catch { throw .storage(path: path, detail: error.message) }
    }

    /// Runs one statement (prepared once and kept) with `parameters` bound, and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [Value] = []) throws(RecordingError) -> [[Value]] {
        do {
            let statement = try prepared(sql)
            try statement.reset(binding: parameters.map(Self.sqliteValue))
            var rows: [[Value]] = []
            let columns = statement.columnCount
            while try statement.step() {
                rows.append((0..<columns).map { Self.value(statement.value($0)) })
            }
            return rows
        } catch {
            throw .storage(path: path, detail: error.message)
        }
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let s = statements[sql] { return s }
        let s = try connection.prepare(sql)
        statements[sql] = s
        return s
    }

    private static func sqliteValue(_ v: Value) -> SQLiteValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let x): return .int(x)
        case .double(let d): return .double(d)
        case .string(let s), .json(let s): return .text(s)
        }
    }

    private static func value(_ v: SQLiteValue) -> Value {
        switch v {
        case .null: return .null
        case .int(let x): return .int(x)
        case .double(let d): return .double(d)
        case .text(let s): return .string(s)
        case .blob(let b): return .string(String(decoding: b, as: UTF8.self))
        }
    }
}
