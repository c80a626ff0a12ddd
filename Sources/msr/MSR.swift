import ArgumentParser

/// The `msr` command: record database change history and replay it.
@main
struct MSR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "msr",
        abstract: "Record the change history of database tables and replay any moment of it.",
        discussion: """
            Exit status: 0 on success; 1 when the command failed (the message says why; a path msr did not \
            make is refused, never removed or overwritten); \
            2 when 'msr ingest' or 'msr capture nats' refused some input (it is in REC.msr.rejects.ndjson); \
            64 for a command line msr cannot parse (a number out of its range included).
            """,
        subcommands: [
            OpenCommand.self, InfoCommand.self, StateCommand.self, DiffCommand.self, EventsCommand.self, CountCommand.self,
            IngestCommand.self, CaptureCommand.self, GenerateCommand.self, DemoCommand.self, BookmarkCommand.self,
        ]
    )
}
