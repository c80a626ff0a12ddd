/// The button state of one mouse report, in the terminal module's own bits (the ncurses
/// surface translates curses' `mmask_t` into these), so mouse decoding is testable.
public struct MouseButtonState: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public static let leftPressed = MouseButtonState(rawValue: 1 << 0)
    public static let leftReleased = MouseButtonState(rawValue: 1 << 1)
    public static let leftClicked = MouseButtonState(rawValue: 1 << 2)
    public static let middlePressed = MouseButtonState(rawValue: 1 << 3)
    public static let middleReleased = MouseButtonState(rawValue: 1 << 4)
    public static let middleClicked = MouseButtonState(rawValue: 1 << 5)
    public static let rightPressed = MouseButtonState(rawValue: 1 << 6)
    public static let rightReleased = MouseButtonState(rawValue: 1 << 7)
    public static let rightClicked = MouseButtonState(rawValue: 1 << 8)
    public static let wheelUp = MouseButtonState(rawValue: 1 << 9)
    public static let wheelDown = MouseButtonState(rawValue: 1 << 10)
    /// The pointer moved (reported as a position without a button change).
    public static let moved = MouseButtonState(rawValue: 1 << 11)
    public static let shift = MouseButtonState(rawValue: 1 << 12)
    public static let control = MouseButtonState(rawValue: 1 << 13)
    public static let alt = MouseButtonState(rawValue: 1 << 14)

    typealias ButtonBits = (button: MouseButton, pressed: MouseButtonState, released: MouseButtonState,
                            clicked: MouseButtonState)
    static let buttons: [ButtonBits] = [
        (.left, .leftPressed, .leftReleased, .leftClicked),
        (.middle, .middlePressed, .middleReleased, .middleClicked),
        (.right, .rightPressed, .rightReleased, .rightClicked),
    ]
}

/// Turns mouse reports into press, drag, release and scroll events.
///
/// Terminals report motion with a button held as bare positions (or as repeated presses), so
/// telling a drag from a move needs to remember which button is down: that is the only state.
public struct MouseDecoder: Hashable, Sendable {
    /// The button pressed and not yet released.
    public private(set) var heldButton: MouseButton?

    public init() {}

    /// The event for one report at column `x`, row `y`; nil when the report means nothing.
    public mutating func decode(x: Int, y: Int, state: MouseButtonState) -> MouseEvent? {
        var modifiers: KeyModifiers = []
        if state.contains(.shift) { modifiers.insert(.shift) }
        if state.contains(.control) { modifiers.insert(.control) }
        if state.contains(.alt) { modifiers.insert(.alt) }
        func event(_ action: MouseAction) -> MouseEvent { MouseEvent(action, x: x, y: y, modifiers: modifiers) }

        if state.contains(.wheelUp) { return event(.scrollUp) }
        if state.contains(.wheelDown) { return event(.scrollDown) }
        for entry in MouseButtonState.buttons {
            if state.contains(entry.released) {
                if heldButton == entry.button { heldButton = nil }
                return event(.release(entry.button))
            }
            if state.contains(entry.pressed) {
                if heldButton == entry.button { return event(.drag(entry.button)) }
                heldButton = entry.button
                return event(.press(entry.button))
            }
            if state.contains(entry.clicked) {
                heldButton = nil
                return event(.press(entry.button))
            }
        }
        if state.contains(.moved) {
            if let heldButton { return event(.drag(heldButton)) }
            return event(.move)
        }
        return nil
    }
}
