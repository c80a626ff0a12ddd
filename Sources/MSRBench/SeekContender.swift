import MSREngine
import MSRModel
import MSRPostgresClient
import MSRStore

/// One way to answer "the 60 rows of this table from key K on, as they stood at time T".
/// A fresh instance is a cold start (new connection, empty caches); reusing one is warm.
protocol SeekContender: AnyObject {
    /// The keys of the window, in key order (the rows are read too, as drawing needs them).
    func window(at time: Timestamp, from key: Int64) throws -> [Int64]
}

/// The rows a window shows.
let windowRows = 60

/// msr: the recording's nearest keyframe plus deltas (`TableCursor`), then a window of the
/// row tree in key order.
final class MSRSeekContender: SeekContender {
    let store: SQLiteRecordingStore
    let cursor: TableCursor

    init(path: String, table: TableSchema) throws {
        store = try SQLiteRecordingStore(openingAt: path)
        cursor = TableCursor(store: store, schema: table)
    }

    func window(at time: Timestamp, from key: Int64) throws -> [Int64] {
        try cursor.seek(toSeq: try store.lastSeq(atOrBefore: time))
        let rows = cursor.state.rows
        return rows.window(from: rows.offset(of: RowKey([.int(key)])), limit: windowRows).map { entry in
            if case .int(let k) = entry.key.values.first { return k }
            return -1
        }
    }
}

/// PostgreSQL, an event table indexed on (key, commit_time DESC, seq DESC): the latest event of
/// each key at or before T (`DISTINCT ON`), deletes dropped.
final class PostgresEventContender: SeekContender {
    let connection: PostgresConnection
    static let query = """
        SELECT key, row FROM (
          SELECT DISTINCT ON (key) key, op, row FROM ev
          WHERE key >= $2::bigint AND commit_time <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
          ORDER BY key, commit_time DESC, seq DESC) latest
        WHERE op <> 'd' ORDER BY key LIMIT 60
        """

    init(_ server: BenchPostgres) throws { connection = try server.connect() }

    func window(at time: Timestamp, from key: Int64) throws -> [Int64] {
        try connection.execute(Self.query, [String(time.micros), String(key)]).rows.compactMap { $0[0].flatMap { Int64($0) } }
    }
}

/// PostgreSQL, a history table of row versions with validity ranges (`tstzrange`, GiST), as
/// temporal-table extensions keep them: the versions whose range contains T.
final class PostgresHistoryContender: SeekContender {
    let connection: PostgresConnection
    static let query = """
        SELECT key, row FROM hist
        WHERE valid @> (timestamptz 'epoch' + $1::bigint * interval '1 microsecond') AND key >= $2::bigint
        ORDER BY key LIMIT 60
        """

    init(_ server: BenchPostgres) throws { connection = try server.connect() }

    func window(at time: Timestamp, from key: Int64) throws -> [Int64] {
        try connection.execute(Self.query, [String(time.micros), String(key)]).rows.compactMap { $0[0].flatMap { Int64($0) } }
    }
}

/// SQLite, the same event table with the window-function query (`row_number() OVER
/// (PARTITION BY key …)`).
final class SQLiteWindowContender: SeekContender {
    let database: SQLiteDatabase
    static let query = """
        SELECT key, row FROM (
          SELECT key, op, row, row_number() OVER (PARTITION BY key ORDER BY commit_us DESC, seq DESC) AS rn
          FROM ev WHERE key >= ?2 AND commit_us <= ?1)
        WHERE rn = 1 AND op <> 'd' ORDER BY key LIMIT 60
        """

    init(path: String) throws { database = try SQLiteDatabase(path: path, create: false) }

    func window(at time: Timestamp, from key: Int64) throws -> [Int64] {
        try database.query(Self.query, [.int(time.micros), .int(key)]).compactMap { row in
            if case .int(let k) = row[0] { return k }
            return nil
        }
    }
}
