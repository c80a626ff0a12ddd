/// A status line on stderr: redrawn in place on a terminal (carriage return, erase line),
/// written as a line of its own elsewhere (a log file, a service journal). Notes printed while
/// it is shown clear it first, so the two never run into each other.
final class InPlaceLine {
    let inPlace = Terminal.stderrIsTerminal
    private var drawn = false

    /// Shows `text` as the current status.
    func draw(_ text: String) {
        if inPlace {
            Terminal.standardError.writeControl("\r\u{1B}[K" + TerminalText.safe(text))
            drawn = true
        } else {
            Terminal.standardError.write(text + "\n")
        }
    }

    /// Writes a whole line above the status.
    func note(_ text: String) {
        clear()
        Terminal.standardError.write(text + "\n")
    }

    /// Removes a status drawn in place, so what follows stands alone.
    func clear() {
        if drawn { Terminal.standardError.writeControl("\r\u{1B}[K") }
        drawn = false
    }

    /// Leaves a status drawn in place on screen and moves below it.
    func keep() {
        if drawn { Terminal.standardError.write("\n") }
        drawn = false
    }
}
