/// Why the terminal could not be taken over, said so the user knows what to do.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (redirected, piped, or run without a tty).
    case notATerminal
    /// ncurses has no description of this terminal type.
    case unknownTerminal(String)
    /// The terminal type cannot move the cursor (`TERM=dumb`), so no screen can be drawn.
    case cannotDraw(String)
    /// Another `NcursesTerminal` is still showing; restore it first.
    case alreadyActive

    public var description: String {
        switch self {
        case .notATerminal:
            return "the console needs a terminal: standard input and output must not be redirected"
        case .unknownTerminal(let name):
            if name.isEmpty { return "TERM is not set, so the terminal type is unknown; try TERM=xterm-256color" }
            return "the terminal type '\(name)' (TERM) is unknown to ncurses; try TERM=xterm-256color"
        case .cannotDraw(let name):
            return "the terminal type '\(name)' (TERM) cannot move the cursor, so the console cannot draw on it; run it in a full terminal (TERM=xterm-256color, say)"
        case .alreadyActive:
            return "the terminal is already in use by another console screen"
        }
    }
}
