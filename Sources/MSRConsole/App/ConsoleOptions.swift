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

/// What the bottom line asks the user to type.
public struct PromptState {
    public var kind: ConsoleCommand.PromptKind
    public var text: String

    public var label: String {
        switch kind {
        case .goTo: return "go to (ISO-8601, +SECONDS, +HH:MM:SS)"
        case .speed: return "speed (e.g. 25, 0.5, max; x again closes the pane)"
        case .bookmark: return "bookmark note"
        case .filter: return "filter (text, column=value, column>value; empty clears)"
        case .sort: return "sort by column (-column descending; empty: key order)"
        case .table: return "table"
        case .link: return "link (Enter toggles; +offset or -offset; 'start' aligns starts)"
        case .open: return "open recording"
        case .export: return "export (csv|ndjson|events) [path]"
        case .breakpoint: return "pause when a row matching this changes"
        case .command: return "command"
        }
    }
}

/// A line of feedback at the bottom: what happened, or what went wrong.
public struct ConsoleMessage {
    public var text: String
    public var isError: Bool
    public var since: Double
}
