import Foundation
import MSREngine
import MSRModel
import MSRPostgresClient
import MSRStore

/// Compares a keyless table as the multiset it is: each distinct row with the number of times
/// it occurs, in the database and in the recording (whose copy-number column is left out).
enum MultisetComparison {
    /// Each row of `SELECT * FROM table` as text, with how often it occurs.
    static func database(_ connection: PostgresConnection, _ table: String) throws -> [String: Int] {
        let result = try connection.execute("SELECT * FROM \(table)")
        var out: [String: Int] = [:]
        for row in result.rows {
            out[row.map { $0 ?? "NULL" }.joined(separator: "|"), default: 0] += 1
        }
        return out
    }

    /// The recording's rows of `table` at `time` (its end when nil), the same way, over
    /// `columns` (every column when nil), with the names of its columns.
    static func recording(_ path: String, _ table: String, at time: Timestamp? = nil,
                          columns: [String]? = nil) throws -> (rows: [String: Int], columns: [String]) {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let engine = try Reconstructor(store: store)
        guard let schema = engine.summary.tables.first(where: { $0.name.matches(table) }) else { return ([:], []) }
        let state = try engine.state(of: schema, at: time ?? Timestamp(micros: Int64.max))
        let shown = columns.map { names in names.compactMap { schema.columnIndex(named: $0) } }
            ?? schema.columns.indices.filter { schema.columns[$0].name != "(copy)" }
        var out: [String: Int] = [:]
        for (_, row) in state.rows {
            out[shown.map { StateComparison.text(row[$0]) ?? "NULL" }.joined(separator: "|"), default: 0] += 1
        }
        return (out, schema.columns.map(\.name))
    }
}
