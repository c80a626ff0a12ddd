import ArgumentParser

/// `msr capture`: record a live source into a recording as its changes happen.
///
/// On this branch the group lists only `nats`; the PostgreSQL subcommand joins it from its own
/// branch.
struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record a live source of change events into a recording.",
        subcommands: [CaptureNatsCommand.self])
}
