import CNcursesw
import Foundation

extension NcursesTerminal {
    /// Longest single wait, so a Ctrl-C during a long wait is reported promptly.
    private static let pollSliceMilliseconds = 100
    /// First key code handed to `define_key`, far above the codes ncurses assigns itself.
    private static let firstDefinedKeyCode: Int32 = 0x2000

    /// The next key, mouse or resize event, waiting at most `timeoutMilliseconds` (nil: until
    /// one arrives); `.timeout` if none came, `.interrupt` after Ctrl-C.
    public func readEvent(timeoutMilliseconds: Int?) -> InputEvent {
        guard isActive else { return .timeout }
        precondition(Thread.isMainThread, "ncurses must only be used from the main thread")
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max($0, 0))) }
        while true {
            if TerminalRestoration.shared.takeInterrupt() { return .interrupt }
            var wait = Self.pollSliceMilliseconds
            if let deadline {
                let left = clock.now.duration(to: deadline).components
                let milliseconds = Int(left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000)
                wait = min(wait, max(milliseconds, 0))
            }
            if let event = readOnce(waitMilliseconds: wait) { return event }
            if let deadline, clock.now >= deadline {
                return TerminalRestoration.shared.takeInterrupt() ? .interrupt : .timeout
            }
        }
    }

    /// One `wget_wch`: an event, or nil when nothing (or nothing meaningful) arrived.
    private func readOnce(waitMilliseconds: Int) -> InputEvent? {
        wtimeout(msr_stdscr(), Int32(waitMilliseconds))
        var value: wint_t = 0
        switch wget_wch(msr_stdscr(), &value) {
        case OK:
            if value == 27 { return escapeOrAlt() }
            return KeyDecoder.keyPress(forCharacter: value).map(InputEvent.key)
        case KEY_CODE_YES:
            return event(forKeyCode: Int32(bitPattern: value))
        default:
            return nil
        }
    }

    /// Escape alone, or Alt+key: terminals send Alt+x as Escape immediately followed by x.
    private func escapeOrAlt() -> InputEvent {
        wtimeout(msr_stdscr(), 0)
        var value: wint_t = 0
        let status = wget_wch(msr_stdscr(), &value)
        var press: KeyPress?
        if status == OK, value != 27 {
            press = KeyDecoder.keyPress(forCharacter: value)
        } else if status == KEY_CODE_YES, case .key(let key)? = event(forKeyCode: Int32(bitPattern: value)) {
            press = key
        }
        guard var press else { return .key(KeyPress(.escape)) }
        press.modifiers.insert(.alt)
        return .key(press)
    }

    private func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            size = readSize()
            previous = nil
            return .resize(size)
        case KEY_MOUSE:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            let state = Self.mouseState(report.bstate)
            return mouseDecoder.decode(x: Int(report.x), y: Int(report.y), state: state).map(InputEvent.mouse)
        default:
            if let defined = definedKeys[code] { return .key(defined) }
            guard let name = keyname(code) else { return nil }
            return KeyDecoder.keyPress(forKeyName: String(cString: name)).map(InputEvent.key)
        }
    }

    /// Teaches ncurses the xterm sequences for modified arrows, Home, End, PgUp, PgDn and Del
    /// that the terminfo entry does not describe, so Shift/Ctrl+arrow work in every terminal
    /// that sends them (not only those whose entry lists kLFT5 and friends).
    func defineModifiedKeys() {
        var code = Self.firstDefinedKeyCode
        for key in KeyDecoder.modifiableKeys {
            for parameter in 2 ... 8 {
                guard let modifiers = KeyModifiers(xtermParameter: parameter),
                      let sequence = KeyDecoder.xtermSequence(for: key, modifiers: modifiers),
                      key_defined(sequence) == 0
                else { continue }
                if define_key(sequence, code) == OK {
                    definedKeys[code] = KeyPress(key, modifiers)
                    code += 1
                }
            }
        }
    }

    /// curses' button bits as the terminal module's own.
    private static func mouseState(_ bits: mmask_t) -> MouseButtonState {
        let table: [(mmask_t, MouseButtonState)] = [
            (msr_button1_pressed(), .leftPressed), (msr_button1_released(), .leftReleased),
            (msr_button1_clicked(), .leftClicked), (msr_button2_pressed(), .middlePressed),
            (msr_button2_released(), .middleReleased), (msr_button2_clicked(), .middleClicked),
            (msr_button3_pressed(), .rightPressed), (msr_button3_released(), .rightReleased),
            (msr_button3_clicked(), .rightClicked), (msr_button4_pressed(), .wheelUp),
            (msr_button5_pressed(), .wheelDown), (msr_report_mouse_position(), .moved),
            (msr_button_shift(), .shift), (msr_button_ctrl(), .control), (msr_button_alt(), .alt),
        ]
        var state: MouseButtonState = []
        for (mask, bit) in table where bits & mask != 0 { state.insert(bit) }
        return state
    }
}
