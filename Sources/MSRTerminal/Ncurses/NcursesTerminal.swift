import CNcursesw
import Foundation

/// The real terminal: a `Surface` and `InputSource` over ncursesw.
///
/// Creating one takes the screen (alternate screen, no echo, keys unbuffered, cursor hidden,
/// colours and mouse on); `restore()` gives it back, as do Ctrl-C, SIGTERM, crashes and exit
/// (see `TerminalRestoration`). `present` writes only the cells that changed since the last
/// frame. Use it from the main thread only, like every ncurses call.
public final class NcursesTerminal: Surface, InputSource {
    /// The screen size, re-read when a resize is reported.
    public internal(set) var size: Size
    /// The colours frames are shown with (`.none` under NO_COLOR); adapt the theme to it.
    public let colorSupport: ColorSupport
    /// Whether the locale is UTF-8; without it only ASCII shows (others become `?`), so the
    /// console should choose ASCII frames (`BoxCharacters.ascii`).
    public let isUnicode: Bool
    /// Whether mouse events are reported (see `setMouseEnabled`).
    public private(set) var isMouseEnabled = false
    /// False once `restore()` has given the terminal back.
    public private(set) var isActive = true

    let configuration: TerminalConfiguration
    var previous: ScreenBuffer?
    var pairs: ColorPairAllocator
    var mouseDecoder = MouseDecoder()
    /// Modified keys the terminfo entry lacked, taught to ncurses with `define_key`.
    var definedKeys: [Int32: KeyPress] = [:]

    /// Takes over the terminal. Throws when standard input or output is not a terminal or
    /// ncurses does not know the terminal type, before anything is drawn.
    public init(configuration: TerminalConfiguration = TerminalConfiguration()) throws(TerminalError) {
        precondition(Thread.isMainThread, "ncurses must only be used from the main thread")
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw .notATerminal }
        if msr_stdscr() != nil && !isendwin() { throw .alreadyActive }
        self.configuration = configuration
        setlocale(LC_ALL, "")
        isUnicode = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } == "UTF-8"
        if configuration.handleSignals {
            // Before newterm, so ncurses leaves SIGINT and SIGTERM to us (it still handles
            // SIGWINCH, turning resizes into KEY_RESIZE, and SIGTSTP).
            TerminalRestoration.shared.install()
        }
        guard let screen = newterm(nil, msr_stdout(), msr_stdin()) else {
            throw .unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        set_term(screen)
        // A terminal that cannot place the cursor (TERM=dumb) would show a blank screen.
        guard msr_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            TerminalRestoration.shared.setActive(false)
            throw .cannotDraw(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        // cbreak rather than raw: Ctrl-C and Ctrl-Z stay signals, so they work even when the
        // event loop is stuck (the first Ctrl-C still arrives as an `.interrupt` event).
        cbreak()
        noecho()
        nonl()
        keypad(msr_stdscr(), true)
        leaveok(msr_stdscr(), true)
        intrflush(msr_stdscr(), false)
        curs_set(0)
        set_escdelay(Int32(configuration.escapeDelayMilliseconds))

        var defaultColors = (foreground: -1, background: -1)
        var colorCount = 0
        if has_colors() && !configuration.noColor {
            start_color()
            if use_default_colors() != OK { defaultColors = (7, 0) }
            colorCount = Int(msr_colors())
        }
        colorSupport = configuration.noColor ? .none : ColorSupport(colorCount: colorCount)
        pairs = ColorPairAllocator(limit: Int(msr_color_pairs()), defaultColors: defaultColors)
        size = Size.zero
        size = readSize()
        defineModifiedKeys()
        if configuration.mouse { setMouseEnabled(true) }
        TerminalRestoration.shared.setActive(true)
        if configuration.holdStandardError { TerminalRestoration.shared.holdStandardError() }
        refresh()
    }

    deinit {
        restore()
    }

    /// Gives the terminal back: mouse off, modes reset, cursor shown, alternate screen left,
    /// and what was written to standard error meanwhile printed.
    /// Safe to call more than once; after it, `present` and `readEvent` do nothing.
    public func restore() {
        guard isActive else { return }
        isActive = false
        TerminalRestoration.shared.setActive(false)
        if isMouseEnabled { setMouseEnabled(false) }
        endwin()
        TerminalRestoration.releaseStandardError()
    }

    /// Shows `buffer`, writing only the cells that differ from the previous frame (every cell
    /// after a resize or `invalidate()`), then updates the screen in one go.
    public func present(_ buffer: ScreenBuffer) {
        guard isActive else { return }
        precondition(Thread.isMainThread, "ncurses must only be used from the main thread")
        let frame = buffer.size == size ? buffer : buffer.resized(to: size)
        for change in ScreenDiff.changes(from: previous, to: frame) {
            write(change.cell, x: change.x, y: change.y)
        }
        previous = frame
        wnoutrefresh(msr_stdscr())
        doupdate()
    }

    /// Makes the next `present` write every cell, for when the screen may have been spoiled
    /// behind our back (Ctrl-L, a child process that wrote to the terminal).
    public func invalidate() {
        guard isActive else { return }
        previous = nil
        clearok(msr_stdscr(), true)
    }

    /// Turns mouse reporting on or off. On, the terminal reports presses, releases, the wheel,
    /// and motion while a button is held (xterm mode 1002, which curses does not ask for).
    public func setMouseEnabled(_ enabled: Bool) {
        guard isActive || !enabled else { return }
        if enabled {
            let wanted = msr_all_mouse_events() | msr_report_mouse_position()
            isMouseEnabled = mousemask(wanted, nil) != 0
            mouseinterval(0)
            refresh()
            if isMouseEnabled { writeDirectly("\u{1B}[?1002h") }
        } else {
            writeDirectly("\u{1B}[?1002l")
            mousemask(0, nil)
            isMouseEnabled = false
        }
        mouseDecoder = MouseDecoder()
        refresh()
    }

    /// Writes a control sequence curses has no capability for, after what curses has queued
    /// (the `refresh` before it flushes curses' own output, whose mouse mode this overrides).
    private func writeDirectly(_ sequence: String) {
        fflush(msr_stdout())
        var bytes = Array(sequence.utf8)
        _ = Foundation.write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// The screen size as curses knows it.
    func readSize() -> Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        msr_getmaxyx(msr_stdscr(), &rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    /// Writes one cell at (`x`, `y`) with the wide-character API.
    private func write(_ cell: Cell, x: Int, y: Int) {
        let curses = CursesColorMapping.resolve(cell.style, support: colorSupport)
        let pair = colorPair(foreground: curses.foreground, background: curses.background)
        let attributes = cursesAttributes(curses.attributes)
        let glyph = CursesGlyph.make(for: cell) { scalar in Int(msr_wcwidth(wchar_t(bitPattern: scalar))) }
        var characters = glyph.scalars.map { wchar_t(bitPattern: $0) } + [0]
        var complex = cchar_t()
        setcchar(&complex, &characters, attributes, pair, nil)
        mvwadd_wch(msr_stdscr(), Int32(y), Int32(x), &complex)
        for (offset, scalar) in glyph.trailing.enumerated() {
            var single: [wchar_t] = [wchar_t(bitPattern: scalar), 0]
            setcchar(&complex, &single, attributes, pair, nil)
            mvwadd_wch(msr_stdscr(), Int32(y), Int32(x + 1 + offset), &complex)
        }
    }

    private func colorPair(foreground: Int, background: Int) -> Int16 {
        guard colorSupport != .none else { return 0 }
        let defaults = pairs.defaultColors
        let fg = foreground < 0 ? defaults.foreground : foreground
        let bg = background < 0 ? defaults.background : background
        let (pair, isNew) = pairs.pair(foreground: fg, background: bg)
        if isNew { init_pair(pair, Int16(fg), Int16(bg)) }
        return pair
    }

    private func cursesAttributes(_ attributes: Attributes) -> attr_t {
        var bits = msr_attr_normal()
        if attributes.contains(.bold) { bits |= msr_attr_bold() }
        if attributes.contains(.dim) { bits |= msr_attr_dim() }
        if attributes.contains(.italic) { bits |= msr_attr_italic() }
        if attributes.contains(.underline) { bits |= msr_attr_underline() }
        if attributes.contains(.reverse) { bits |= msr_attr_reverse() }
        return bits
    }
}
