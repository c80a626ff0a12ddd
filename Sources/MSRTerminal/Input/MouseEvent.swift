/// A mouse button, as the terminal numbers them (1 left, 2 middle, 3 right).
public enum MouseButton: Int, Hashable, Sendable, CustomStringConvertible {
    case left = 1, middle, right

    public var description: String {
        switch self {
        case .left: return "left"
        case .middle: return "middle"
        case .right: return "right"
        }
    }
}

/// What the mouse did.
public enum MouseAction: Hashable, Sendable, CustomStringConvertible {
    case press(MouseButton)
    case release(MouseButton)
    /// Moved with the button held: scrubbing the timeline.
    case drag(MouseButton)
    /// Moved with no button held (only when the terminal reports all motion).
    case move
    case scrollUp
    case scrollDown

    public var description: String {
        switch self {
        case .press(let button): return "press \(button)"
        case .release(let button): return "release \(button)"
        case .drag(let button): return "drag \(button)"
        case .move: return "move"
        case .scrollUp: return "scroll up"
        case .scrollDown: return "scroll down"
        }
    }
}

/// A mouse event at a screen cell (column `x`, row `y`, from the top-left, from 0).
public struct MouseEvent: Hashable, Sendable, CustomStringConvertible {
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

    /// `Shift+press left at 10,5`: for logs of a session's input.
    public var description: String { "\(modifiers.displayPrefix)\(action) at \(x),\(y)" }
}
