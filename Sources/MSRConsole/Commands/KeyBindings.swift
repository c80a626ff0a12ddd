/// Where the console is when a key arrives: each context has its own keys.
public enum KeyContext: String, Sendable, CaseIterable {
    /// Panes and timeline.
    case normal
    /// After `x`: digits set a speed, `x` again closes the pane.
    case afterX = "after x"
    /// The help overlay.
    case help
}

/// One key of one context: the key as the terminal names it, what it does, the line the help
/// overlay shows and, for the few keys a newcomer needs first, the word the hint line shows.
public struct KeyBinding: Sendable {
    public var key: String
    public var command: ConsoleCommand
    public var help: String
    public var context: KeyContext
    /// The one or two words on the key-hint line at the bottom; nil keeps the key off it.
    /// Neighbouring keys with the same hint share it (`[ ] speed`).
    public var hint: String?

    public init(_ key: String, _ command: ConsoleCommand, _ help: String, context: KeyContext = .normal, hint: String? = nil) {
        self.key = key
        self.command = command
        self.help = help
        self.context = context
        self.hint = hint
    }
}

/// The key table: the one place keys are bound. The help overlay and the hint line are made
/// from it, and a test checks that no two commands share a key in one context.
///
/// Keys are named as `KeyName` writes them: `space`, `left`, `shift-left`, `ctrl-left`,
/// `ctrl-shift-left`, `home`, `tab`, `backtab`, `enter`, `esc`, or the character itself.
public enum KeyBindings {
    public static let all: [KeyBinding] = playback + navigation + marks + panes + help

    static let playback: [KeyBinding] = [
        KeyBinding("space", .togglePlay, "play / pause", hint: "play"),
        KeyBinding("[", .slower, "slower (speed ladder 0.1x … 1000x, max)", hint: "speed"),
        KeyBinding("]", .faster, "faster", hint: "speed"),
        KeyBinding("x", .prompt(.speed), "x then digits and Enter: any speed (x 2 5 Enter = 25x); x x: close pane"),
        KeyBinding("r", .reverse, "reverse direction", hint: "reverse"),
        KeyBinding("left", .stepBack, "step one event back", hint: "step"),
        KeyBinding("right", .stepForward, "step one event forward", hint: "step"),
        KeyBinding("shift-left", .jump(-1), "back 1 s"),
        KeyBinding("shift-right", .jump(1), "forward 1 s"),
        KeyBinding("ctrl-left", .jump(-10), "back 10 s"),
        KeyBinding("ctrl-right", .jump(10), "forward 10 s"),
        KeyBinding("ctrl-shift-left", .jump(-60), "back 1 min"),
        KeyBinding("ctrl-shift-right", .jump(60), "forward 1 min"),
        KeyBinding("alt-left", .jump(-60), "back 1 min (where ctrl-shift is not sent)"),
        KeyBinding("alt-right", .jump(60), "forward 1 min"),
        KeyBinding("L", .live, "follow a live capture (back to now)"),
    ]

    static let navigation: [KeyBinding] = (0...9).map { d in
        KeyBinding(String(d), .jumpToFraction(Double(d) / 10), "jump to \(d * 10) %")
    } + [
        KeyBinding("home", .home, "start of the recording"),
        KeyBinding("end", .end, "end of the recording"),
        KeyBinding("g", .prompt(.goTo), "go to a time (ISO-8601, +SECONDS, +HH:MM:SS)", hint: "go to"),
        KeyBinding("n", .nextChange, "next change in the focused table"),
        KeyBinding("N", .previousChange, "previous change in the focused table"),
        KeyBinding("up", .scrollUp(1), "select the row above"),
        KeyBinding("down", .scrollDown(1), "select the row below"),
        KeyBinding("pageup", .scrollUp(20), "page up"),
        KeyBinding("pagedown", .scrollDown(20), "page down"),
        KeyBinding("<", .scrollLeft, "scroll columns left (key columns stay)"),
        KeyBinding(">", .scrollRight, "scroll columns right"),
        KeyBinding("f", .follow, "follow the selected row (keep it in view)"),
        KeyBinding("F", .unfollow, "stop following"),
    ]

    static let marks: [KeyBinding] = [
        KeyBinding("m", .prompt(.bookmark), "bookmark here, with a note"),
        KeyBinding("'", .nextBookmark, "next bookmark"),
        KeyBinding("\"", .previousBookmark, "previous bookmark"),
        KeyBinding("a", .loopStart, "loop from here (A)"),
        KeyBinding("b", .loopEnd, "loop to here (B)"),
        KeyBinding("A", .loopClear, "clear the loop"),
        KeyBinding("p", .prompt(.breakpoint), "pause when a row matching a filter changes"),
        KeyBinding("P", .clearBreakpoint, "clear the breakpoint"),
        KeyBinding("/", .prompt(.filter), "filter rows: text, column=value, column>value", hint: "filter"),
        KeyBinding("s", .prompt(.sort), "sort by a column (-column: descending; empty: key)"),
        KeyBinding("e", .prompt(.export), "export the pane (csv, ndjson) or the loop's events"),
    ]

    static let panes: [KeyBinding] = [
        KeyBinding("tab", .focusNext, "focus the next pane", hint: "focus"),
        KeyBinding("backtab", .focusPrevious, "focus the previous pane"),
        KeyBinding("|", .splitVertical, "split side by side", hint: "split"),
        KeyBinding("-", .splitHorizontal, "split one above the other"),
        KeyBinding("}", .growPane, "grow the pane"),
        KeyBinding("{", .shrinkPane, "shrink the pane"),
        KeyBinding("t", .prompt(.table), "choose the pane's table", hint: "table"),
        KeyBinding("l", .prompt(.link), "link / unlink the pane to the shared clock (+offset)"),
        KeyBinding("o", .prompt(.open), "open another recording in a new pane"),
        KeyBinding("M", .toggleMouse, "mouse on / off"),
        KeyBinding(":", .prompt(.command), "type a named command"),
        KeyBinding("q", .quit, "quit", hint: "quit"),
    ]

    static let help: [KeyBinding] = [
        KeyBinding("?", .help, "this help", hint: "help"),
        KeyBinding("?", .closeOverlay, "close the help", context: .help),
        KeyBinding("esc", .closeOverlay, "close the help", context: .help),
        KeyBinding("q", .closeOverlay, "close the help", context: .help),
        KeyBinding("up", .scrollUp(1), "scroll up", context: .help),
        KeyBinding("down", .scrollDown(1), "scroll down", context: .help),
        KeyBinding("pageup", .scrollUp(20), "scroll a page up", context: .help),
        KeyBinding("pagedown", .scrollDown(20), "scroll a page down", context: .help),
        KeyBinding("home", .top, "to the top", context: .help),
        KeyBinding("end", .bottom, "to the end", context: .help),
        KeyBinding("x", .closePane, "close the focused pane", context: .afterX),
        KeyBinding("esc", .closeOverlay, "cancel", context: .afterX),
    ]

    /// The command bound to `key` in `context`.
    public static func command(for key: String, in context: KeyContext) -> ConsoleCommand? {
        table[context]?[key]
    }

    private static let table: [KeyContext: [String: ConsoleCommand]] = {
        var out: [KeyContext: [String: ConsoleCommand]] = [:]
        for b in all where out[b.context]?[b.key] == nil { out[b.context, default: [:]][b.key] = b.command }
        return out
    }()

    /// Keys bound more than once in one context: empty when the table is sound.
    public static var conflicts: [(context: KeyContext, key: String, commands: [String])] {
        var seen: [KeyContext: [String: [String]]] = [:]
        for b in all { seen[b.context, default: [:]][b.key, default: []].append(b.command.name) }
        return seen.flatMap { context, keys in
            keys.filter { $0.value.count > 1 }.map { (context, $0.key, $0.value) }
        }
    }
}
