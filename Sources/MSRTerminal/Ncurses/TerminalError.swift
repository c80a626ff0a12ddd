/// Why the terminal could not be taken over, said so the user knows what to do.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (redirected, piped, or run without a tty).
    case notATerminal
    /// ncurses has no description of this terminal type.
    case unknownTerminal(String)
    /// Another `NcursesTerminal` is still showing; restore it first.
    case alreadyActive

    public var description: String {
        switch self {
        case .notATerminal:
            return "the console needs a terminal: standard input and output must not be redirected"
        case .unknownTerminal(let name):
            if name.isEmpty { return "TERM is not set, so the terminal type is unknown; try TERM=xterm-256color" }
            return "the terminal type '\(name)' (TERM) is unknown to ncurses; try TERM=xterm-256color"
        case .alreadyActive:
            return "the terminal is already in use by another console screen"
        }
    }
}
