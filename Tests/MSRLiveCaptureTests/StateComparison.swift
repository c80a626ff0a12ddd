import Foundation
import MSREngine
import MSRModel
import MSRPostgresClient
import MSRStore

/// A table as the database itself returns it (`SELECT *`, values in text format), keyed by its
/// key columns, to compare with the recording's state at the same moment.
struct DatabaseTable {
    var name: String
    var columns: [PostgresColumn]
    var key: [String]
    /// Rows by key text (compared by bytes, as the database compares them), each a column
    /// name → text (nil for NULL) map.
    var rows: [ExactString: [String: String?]]

    static func read(_ connection: PostgresConnection, _ name: String, key: [String]) throws -> DatabaseTable {
        let result = try connection.execute("SELECT * FROM \(name)")
        var rows: [ExactString: [String: String?]] = [:]
        for row in result.rows {
            var map: [String: String?] = [:]
            for (i, c) in result.columns.enumerated() { map[c.name] = row[i] }
            let keyText = key.map { (map[$0] ?? nil) ?? "\u{0}NULL" }.joined(separator: "\u{1}")
            rows[ExactString(keyText)] = map
        }
        // The recording names tables without SQL's quotes.
        return DatabaseTable(name: name.replacingOccurrences(of: "\"", with: ""), columns: result.columns, key: key, rows: rows)
    }
}

/// Compares a recording's reconstructed state with the database's rows.
enum StateComparison {
    /// What differs between the recording's `table` at `time` (its end when nil) and
    /// `expected`; empty when they are equal row by row and column by column.
    static func differences(recording path: String, at time: Timestamp?, expected: DatabaseTable, limit: Int = 10) throws -> [String] {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let engine = try Reconstructor(store: store)
        guard let schema = engine.summary.tables.first(where: { $0.name.matches(expected.name) }) else {
            return expected.rows.isEmpty ? [] : ["the recording has no table \(expected.name)"]
        }
        let state = try engine.state(of: schema, at: time ?? Timestamp(micros: Int64.max))
        var recorded: [ExactString: Row] = [:]
        for (_, row) in state.rows {
            let keyText = expected.key.map { name in
                schema.columnIndex(named: name).map { text(row[$0]) ?? "\u{0}NULL" } ?? "?"
            }.joined(separator: "\u{1}")
            recorded[ExactString(keyText)] = row
        }
        var out: [String] = []
        let missing = Set(expected.rows.keys).subtracting(recorded.keys)
        let extra = Set(recorded.keys).subtracting(expected.rows.keys)
        if !missing.isEmpty { out.append("\(expected.name): \(missing.count) rows missing, e.g. \(missing.sorted().prefix(3).map { readable($0.string) })") }
        if !extra.isEmpty { out.append("\(expected.name): \(extra.count) rows too many, e.g. \(extra.sorted().prefix(3).map { readable($0.string) })") }
        for (key, dbRow) in expected.rows.sorted(by: { $0.key < $1.key }) {
            guard let row = recorded[key] else { continue }
            for column in expected.columns {
                let want = dbRow[column.name] ?? nil
                let got = schema.columnIndex(named: column.name).map { row[$0] } ?? .null
                if !matches(got, want) {
                    out.append("\(expected.name) \(readable(key.string)).\(column.name): recorded \(got), database \(want ?? "NULL")")
                }
            }
            if out.count >= limit { break }
        }
        return out
    }

    /// Whether a recorded value is the value PostgreSQL shows as `text`.
    static func matches(_ value: Value, _ text: String?) -> Bool {
        switch value {
        case .null: return text == nil
        case .double(let d):
            guard let t = text, let e = Double(t) else { return false }
            // By bits: -0 is not 0.
            return e.bitPattern == d.bitPattern || (e.isNaN && d.isNaN)
        case .json(let j):
            guard let t = text,
                  let a = try? JSONSerialization.jsonObject(with: Data(j.utf8), options: [.fragmentsAllowed]) as? NSObject,
                  let b = try? JSONSerialization.jsonObject(with: Data(t.utf8), options: [.fragmentsAllowed]) as? NSObject else { return false }
            return a == b
        default:
            return self.text(value).map { t in text.map(t.utf8Equal) ?? false } ?? (text == nil)
        }
    }

    /// The text PostgreSQL would show for a recorded value.
    static func text(_ value: Value) -> String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "t" : "f"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .json(let j): return j
        }
    }

    private static func readable(_ key: String) -> String {
        "(" + key.replacingOccurrences(of: "\u{1}", with: ", ").replacingOccurrences(of: "\u{0}NULL", with: "NULL") + ")"
    }
}
