import MSRStore

/// How a console session runs; defaults suit a reviewer at a terminal.
public struct ConsoleOptions {
    /// Replay sessions that may run at once (the shared clock counts as one).
    public var maxSessions = 8
    public var mouse = true
    /// Wall seconds between frames while playing.
    public var tickInterval = 1.0 / 30
    /// Panes opened on a recording with no saved layout.
    public var defaultPanes = 4
    /// Opens another recording (`o`).
    public var openRecording: ((String) throws -> RecordingHandle)?

    public init() {}
}

/// A line of feedback at the bottom: what happened, or what went wrong.
public struct ConsoleMessage {
    public var text: String
    public var isError: Bool
    public var since: Double
}
