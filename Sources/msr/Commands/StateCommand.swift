import ArgumentParser
import MSREngine
import MSRModel
import MSRStore

/// `msr state`: a table's rows at a moment.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Print a table's rows, sorted by primary key, as they stood at a moment.")

    @OptionGroup var rec: RecordingArgument
    @Option(help: "The table: 'units' or 'public.units'.") var table: String
    @Option(help: "The moment: ISO-8601 (2026-03-14T09:30:00Z, with an offset or µs) or +SECONDS / +HH:MM:SS[.fff] from the start.")
    var at: String
    @Option(help: "table, csv or ndjson.") var format: OutputFormat = .table
    @OptionGroup var valueOptions: ValueOptions

    func run() throws {
        try reportingFailures {
            let r = try rec.open()
            let schema = try r.table(table)
            let time = try r.time(at)
            let state = try r.state(of: schema, at: time)
            let rows = state.rows.map { (leading: [String](), row: $0.row) }
            try r.checkIntact()
            if try r.store.initialSnapshotStatus() == .incomplete {
                Terminal.standardError.write("msr: warning: the recording's initial snapshot is incomplete, so rows from before the capture began may be missing; run the capture again to take it again.\n")
            }
            print(RowWriter(columns: schema.columns, format: format, values: valueOptions.rendering).render(rows), terminator: "")
        }
    }
}
