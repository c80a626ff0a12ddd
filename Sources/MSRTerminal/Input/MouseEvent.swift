/// A mouse button, as the terminal numbers them (1 left, 2 middle, 3 right).
public enum MouseButton: Int, Hashable, Sendable {
    case left = 1, middle, right
}

/// What the mouse did.
public enum MouseAction: Hashable, Sendable {
    case press(MouseButton)
    case release(MouseButton)
    /// Moved with the button held: scrubbing the timeline.
    case drag(MouseButton)
    /// Moved with no button held (only when the terminal reports all motion).
    case move
    case scrollUp
    case scrollDown
}

/// A mouse event at a screen cell (column `x`, row `y`, from the top-left, from 0).
public struct MouseEvent: Hashable, Sendable {
    public var action: MouseAction
    public var x: Int
    public var y: Int
    public var modifiers: KeyModifiers

    public init(_ action: MouseAction, x: Int, y: Int, modifiers: KeyModifiers = []) {
        self.action = action
        self.x = x
        self.y = y
        self.modifiers = modifiers
    }

    public var point: Point { Point(x: x, y: y) }
}
