/// Everything the console's event loop can receive from the terminal.
public enum InputEvent: Hashable, Sendable, CustomStringConvertible {
    case key(KeyPress)
    case mouse(MouseEvent)
    /// The terminal changed size; the next frame must be drawn at this size.
    case resize(Size)
    /// Ctrl-C (SIGINT): quit cleanly. A second Ctrl-C before the next read restores the
    /// terminal and ends the process, so a stuck loop can always be left.
    case interrupt
    /// Nothing arrived within the timeout: time to advance playback and redraw.
    case timeout

    /// `key Ctrl+→`, `mouse press left at 3,4`, `resize 80x24`: for logs of a session's input.
    public var description: String {
        switch self {
        case .key(let key): return "key \(key)"
        case .mouse(let mouse): return "mouse \(mouse)"
        case .resize(let size): return "resize \(size)"
        case .interrupt: return "interrupt"
        case .timeout: return "timeout"
        }
    }
}
