import ArgumentParser

/// `msr capture`: record a live source into a recording, until stopped.
struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record a live source's changes into a recording, until stopped.",
        subcommands: [CapturePostgresCommand.self])
}
