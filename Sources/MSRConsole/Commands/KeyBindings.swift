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
/// Made from a command's `KeySpec`.
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

/// One default key of a command: the key as `KeyName` writes it, the command with its fixed
/// argument (nil: the command without one), the help line when it says more than the
/// command's, the context, and the word on the hint line.
public struct KeySpec: Sendable {
    public var key: String
    public var command: ConsoleCommand?
    public var help: String?
    public var context: KeyContext
    public var hint: String?

    init(_ key: String, _ command: ConsoleCommand? = nil, _ help: String? = nil, context: KeyContext = .normal, hint: String? = nil) {
        self.key = key
        self.command = command
        self.help = help
        self.context = context
        self.hint = hint
    }
}

/// The key table, made from the commands' specs (`CommandName.spec`), in their order. The help
/// overlay and the hint line are made from it, and a test checks that no two commands share
/// a key in one context.
///
/// Keys are named as `KeyName` writes them: `space`, `left`, `shift-left`, `ctrl-left`,
/// `ctrl-shift-left`, `home`, `tab`, `backtab`, `enter`, `esc`, or the character itself.
public enum KeyBindings {
    public static let all: [KeyBinding] = CommandName.allCases.flatMap { $0.spec.bindings }

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
        for b in all { seen[b.context, default: [:]][b.key, default: []].append(b.command.name.rawValue) }
        return seen.flatMap { context, keys in
            keys.filter { $0.value.count > 1 }.map { (context, $0.key, $0.value) }
        }
    }
}
