import MSREngine

/// Everything the console says about one command in one place: its group in the help, what
/// it does, what argument it takes, the command it builds from that argument, whether it moves
/// the playhead, and its default keys. Parser, key table, help overlay, hint line, `:`
/// completion and the README's key table are all made from these.
public struct CommandSpec: Sendable {
    public var name: CommandName
    public var group: CommandGroup
    /// What the command does, in a few words: the README's line and, for a key that says
    /// nothing of its own, the help overlay's.
    public var help: String
    /// More for the README only (syntax, ranges), appended to `help`.
    public var details: String?
    public var argument: ArgumentKind
    /// Leaves live mode: any move of the playhead.
    public var moves: Bool
    /// Moves to a place chosen by time rather than by change, so what changed on the way is
    /// not highlighted (steps, jumps of seconds and n / N are).
    public var seeks: Bool
    /// What Tab completes in the argument.
    public var completion: ArgumentCompletion
    /// The default keys: each may give the command a fixed argument (shift-← is `jump -1`).
    public var keys: [KeySpec]
    /// The command with `argument`, as read by `argument`'s kind.
    public var make: @Sendable (CommandArgument) -> ConsoleCommand

    init(_ name: CommandName, _ group: CommandGroup, _ help: String, details: String? = nil, argument: ArgumentKind = .none,
         moves: Bool = false, seeks: Bool = false, completion: ArgumentCompletion = .none, keys: [KeySpec] = [],
         make: @escaping @Sendable (CommandArgument) -> ConsoleCommand) {
        self.name = name
        self.group = group
        self.help = help
        self.details = details
        self.argument = argument
        self.moves = moves
        self.seeks = seeks
        self.completion = completion
        self.keys = keys
        self.make = make
    }

    /// How the command is written with its argument: `jump SECONDS`, `filter [FILTER]`.
    public var usage: String {
        switch argument {
        case .none: return name.rawValue
        case .number(_, _, let word), .text(let word): return name.rawValue + " " + word
        case .count(_, _, let word, _), .optionalText(let word): return name.rawValue + " [" + word + "]"
        case .speed: return name.rawValue + " SPEED"
        }
    }

    /// The bindings of this command's keys, with their commands and help filled in.
    var bindings: [KeyBinding] {
        keys.map { k in
            KeyBinding(k.key, k.command ?? make(.none), k.help ?? help, context: k.context, hint: k.hint)
        }
    }
}

/// The groups of the help overlay and the README's key table, in their order.
public enum CommandGroup: String, Sendable, CaseIterable {
    case playback = "Playback", moving = "Moving", marks = "Marks, filters, export", panes = "Panes", help = "Help"
}
