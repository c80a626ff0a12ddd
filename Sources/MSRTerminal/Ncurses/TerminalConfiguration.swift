import Foundation

/// How `NcursesTerminal` sets the terminal up; the defaults suit the replay console.
public struct TerminalConfiguration: Hashable, Sendable {
    /// Report mouse presses, releases, drags and the wheel. The reviewer can turn it off (to
    /// select text with the terminal's own mouse handling) at start or later.
    public var mouse: Bool
    /// How long a lone Escape waits for the rest of an escape sequence. ncurses' default of a
    /// second makes Esc feel broken; 25 ms is enough for local and ssh terminals.
    public var escapeDelayMilliseconds: Int
    /// Show no colours (attributes only). Defaults to whether NO_COLOR is set and non-empty.
    public var noColor: Bool
    /// Hold back what is written to standard error while the screen is shown and print it
    /// after `restore()`, so it neither corrupts the screen nor is lost with it.
    public var holdStandardError: Bool
    /// Install the SIGINT, SIGTERM, crash and exit handlers that give the terminal back.
    /// Only worth turning off in a host that manages signals itself.
    public var handleSignals: Bool

    public init(
        mouse: Bool = true,
        escapeDelayMilliseconds: Int = 25,
        noColor: Bool = ColorSupport.isNoColorRequested(ProcessInfo.processInfo.environment),
        holdStandardError: Bool = true,
        handleSignals: Bool = true
    ) {
        self.mouse = mouse
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.noColor = noColor
        self.holdStandardError = holdStandardError
        self.handleSignals = handleSignals
    }
}
