import MSRPostgresClient
import MSRStore

/// Why `msr capture postgres` cannot go on, said so that the user knows what to run.
public enum PostgresCaptureError: Error, CustomStringConvertible {
    case postgres(PostgresError)
    case recording(RecordingError)
    case stream(PgOutputError)
    case nothingToCapture
    case unknownTable(String)
    case publicationMissing(String)
    case publicationEmpty(String)
    case publicationMismatch(name: String, publishes: [String], wanted: [String])
    /// Published tables whose updates and deletes cannot be matched to a row, each with the
    /// statement that makes them capturable.
    case tablesWithoutKey([(table: String, fix: String)])
    /// A table without a key has a column named like the copy-number column msr adds to it.
    case copyColumnClash(table: String)
    /// The DSN cannot be read (`ConnectionString.formProblem` says why).
    case malformedDSN(String)
    case walLevel(String)
    case slotInUse(slot: String)
    case slotMismatch(slot: String, detail: String)
    case invalidName(kind: String, name: String)
    /// Stopped before the initial snapshot was complete; the next start takes it again.
    case stoppedDuringSnapshot

    public var description: String {
        switch self {
        case .postgres(let e): return e.description
        case .recording(let e): return e.description
        case .stream(let e): return e.description
        case .nothingToCapture:
            return "Say what to capture: --tables a,b (msr creates a publication for them) or --publication P (an existing publication)."
        case .unknownTable(let name):
            return "The database has no table '\(name)'; check the name (schema.table) and the DSN's database."
        case .publicationMissing(let name):
            return "Publication \(name) does not exist; create it (CREATE PUBLICATION \(name) FOR TABLE …) or name the tables with --tables a,b."
        case .publicationEmpty(let name):
            return "Publication \(name) publishes no tables; add some with ALTER PUBLICATION \(name) ADD TABLE …."
        case .publicationMismatch(let name, let publishes, let wanted):
            return "Publication \(name) exists and publishes \(publishes.joined(separator: ", ")), not \(wanted.joined(separator: ", ")); capture it with --publication \(name), or choose another name with --publication."
        case .tablesWithoutKey(let tables):
            let fix = tables.map(\.fix).joined(separator: " ")
            let names = tables.map(\.table)
            let which = names.count == 1 ? "Table \(names[0]) has" : "Tables \(names.joined(separator: ", ")) have"
            let keyed = tables.allSatisfy { $0.fix.hasSuffix("DEFAULT;") }
            return keyed
                ? "\(which) REPLICA IDENTITY NOTHING, so updates and deletes do not say which row they change; run: \(fix)"
                : "\(which) no primary key and no replica identity that names the rows, so updates and deletes cannot be recorded; run: \(fix) (or add a primary key)."
        case .copyColumnClash(let table):
            return "Table \(table) has no primary key and a column named \(CopyNumbers.column), the column msr adds to number identical rows; rename that column or give the table a primary key."
        case .malformedDSN(let problem):
            return "The --dsn cannot be read: \(problem) Write it as 'host=H port=P dbname=D user=U' or postgresql://user@host:port/db."
        case .walLevel(let level):
            return "The server runs with wal_level=\(level), and logical decoding needs wal_level=logical; run ALTER SYSTEM SET wal_level = logical; and restart PostgreSQL."
        case .slotInUse(let slot):
            return "Replication slot \(slot) is in use by another connection; stop the other capture, or choose another slot with --slot."
        case .slotMismatch(let slot, let detail):
            return "Replication slot \(slot) cannot be used: \(detail); choose another slot with --slot."
        case .stoppedDuringSnapshot:
            return "Stopped during the initial snapshot; the next start takes it again."
        case .invalidName(let kind, let name):
            return "'\(name)' is not a valid \(kind) name; use lower-case letters, digits and underscores."
        }
    }

    /// Whether reconnecting may help (the server restarted, the connection dropped).
    var isTransient: Bool {
        if case .postgres(let e) = self { return e.isTransient }
        return false
    }
}
