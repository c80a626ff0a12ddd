import Foundation
import MSRCapture
import MSRModel
import MSRStore

/// Loads one table's events, as the recording holds them, into the baselines: a PostgreSQL
/// event table and history table, and an SQLite event table. Rows are the after-images as JSON
/// objects (`jsonb` in PostgreSQL, text in SQLite).
enum ContenderLoader {
    /// The table's events from the recording.
    static func events(path: String, table: TableSchema) throws -> [ChangeEvent] {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let last = try store.summary().lastSeq
        var out: [ChangeEvent] = []
        var from: Int64 = 1
        while from <= last {
            let upper = min(last, from + 500_000)
            out += try store.events(in: from...upper, table: table.id)
            from = upper + 1
        }
        return out
    }

    static func rowJSON(_ row: Row?, _ table: TableSchema) -> [UInt8] {
        guard let row else { return Array("null".utf8) }
        let fields = table.columns.enumerated().map { Field($0.element.name, row[$0.offset]) }
        var out: [UInt8] = []
        DebeziumExport.object(fields, into: &out)
        return out
    }

    static func key(_ e: ChangeEvent) -> Int64 {
        if case .int(let k) = e.key.values.first { return k }
        return 0
    }

    /// `ev` (events) and `hist` (row versions with validity ranges), indexed; returns seconds.
    static func loadPostgres(_ server: BenchPostgres, events: [ChangeEvent], table: TableSchema) throws -> Double {
        let c = try server.connect()
        let (_, seconds) = try Clock.measure { () throws in
            try c.execute("SET client_min_messages = warning; DROP TABLE IF EXISTS ev_load, ev, hist; CREATE EXTENSION IF NOT EXISTS btree_gist")
            try c.execute("CREATE UNLOGGED TABLE ev_load (seq bigint, commit_us bigint, key bigint, op text, row jsonb)")
            var index = 0
            try c.copyIn("COPY ev_load FROM STDIN") {
                guard index < events.count else { return nil }
                var chunk: [UInt8] = []
                chunk.reserveCapacity(1 << 20)
                while index < events.count && chunk.count < 1 << 20 {
                    let e = events[index]
                    index += 1
                    chunk.append(contentsOf: "\(e.seq)\t\(e.commitTime.micros)\t\(key(e))\t\(e.op.code)\t".utf8)
                    // COPY's text format treats backslash as an escape: double JSON's.
                    for b in rowJSON(e.after, table) {
                        if b == UInt8(ascii: "\\") { chunk.append(b) }
                        chunk.append(b)
                    }
                    chunk.append(UInt8(ascii: "\n"))
                }
                return chunk
            }
            try c.execute("""
                CREATE TABLE ev AS SELECT seq, timestamptz 'epoch' + commit_us * interval '1 microsecond' AS commit_time,
                  key, op, row FROM ev_load;
                CREATE INDEX ev_key_time ON ev (key, commit_time DESC, seq DESC) INCLUDE (op);
                CREATE TABLE hist AS SELECT key, tstzrange(commit_time, lead(commit_time) OVER (PARTITION BY key ORDER BY commit_time, seq), '[)') AS valid, op, row FROM ev;
                DELETE FROM hist WHERE op = 'd' OR isempty(valid);
                CREATE INDEX hist_valid ON hist USING gist (valid);
                CREATE INDEX hist_key ON hist (key);
                DROP TABLE ev_load;
                """)
            try c.execute("VACUUM ANALYZE ev")
            try c.execute("VACUUM ANALYZE hist")
        }
        return seconds
    }

    /// `ev` in an SQLite file, indexed on (key, commit_us, seq); returns seconds.
    static func loadSQLite(path: String, events: [ChangeEvent], table: TableSchema) throws -> Double {
        OwnFile.removeDatabase(path)
        let db = try SQLiteDatabase(path: path)
        let (_, seconds) = try Clock.measure { () throws in
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; CREATE TABLE ev (seq INTEGER PRIMARY KEY, commit_us INTEGER, key INTEGER, op TEXT, row TEXT)")
            try db.execute("BEGIN")
            for e in events {
                try db.query("INSERT INTO ev VALUES (?, ?, ?, ?, ?)",
                             [.int(e.seq), .int(e.commitTime.micros), .int(key(e)), .string(String(e.op.code)),
                              .string(String(decoding: rowJSON(e.after, table), as: UTF8.self))])
            }
            try db.execute("COMMIT; CREATE INDEX ev_key_time ON ev (key, commit_us, seq); ANALYZE")
        }
        return seconds
    }
}
