import MSRModel
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
    /// Where exports go when no path is given (nil: the working directory).
    public var exportDirectory: String?
    /// Events an export reads and writes at a time.
    public var exportBatchSize = 10_000
    /// Called on the export's queue after each batch with the events written so far (tests
    /// hold the export here to look at the console while it runs).
    public var afterExportBatch: (@Sendable (Int64) -> Void)?
    /// The zone in which typed times of day are read and the timeline's ticks are labelled
    /// (`--tz`; UTC by default).
    public var timeZone: TimeZoneSetting = .utc

    public init() {}
}

/// A line of feedback at the bottom: what happened, or what went wrong.
public struct ConsoleMessage {
    public var text: String
    public var isError: Bool
    public var since: Double
}
