import ArgumentParser

/// `msr capture`: record a live source into a recording as its changes happen, until stopped.
struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record a live source's changes into a recording, until stopped.",
        subcommands: [CapturePostgresCommand.self, CaptureNatsCommand.self])
}
