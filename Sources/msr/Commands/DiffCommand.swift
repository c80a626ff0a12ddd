import ArgumentParser
import MSREngine
import MSRModel
import MSRStore

/// `msr diff`: what changed in a table between two moments.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the rows inserted, deleted and updated in a table between two moments.",
        discussion: "Each row is marked + (inserted: the new row), - (deleted: the old row) or ~ (updated: the new row; the 'changed' column names the cells that changed).")

    @OptionGroup var rec: RecordingArgument
    @Option(help: "The table: 'units' or 'public.units'.") var table: String
    @Option(help: "The earlier moment (same forms as --at of 'msr state').") var from: String
    @Option(help: "The later moment.") var to: String
    @Option(help: "table, csv or ndjson.") var format: OutputFormat = .table
    @OptionGroup var valueOptions: ValueOptions

    func run() throws {
        try reportingFailures {
            let r = try rec.open()
            let schema = try r.table(table)
            let diff = try r.diff(of: schema, from: try r.time(from), to: try r.time(to))
            var rows: [(key: RowKey, leading: [String], row: Row)] = []
            for d in diff.inserted { rows.append((d.key, ["+", ""], d.row)) }
            for d in diff.deleted { rows.append((d.key, ["-", ""], d.row)) }
            for d in diff.updated {
                rows.append((d.key, ["~", d.columns.map { schema.columns[$0].name }.joined(separator: " ")], d.after))
            }
            rows.sort { $0.key < $1.key }
            try r.checkIntact()
            let writer = RowWriter(columns: schema.columns, format: format, leading: ["change", "changed"], values: valueOptions.rendering)
            print(writer.render(rows.map { ($0.leading, $0.row) }), terminator: "")
        }
    }
}
