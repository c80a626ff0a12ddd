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

/// What a command's argument may be, and the word that stands for it in its usage.
public enum ArgumentKind: Sendable {
    case none
    /// A number inside the range, so nothing typed can overflow what it is turned into;
    /// `what` says the range in the error.
    case number(ClosedRange<Double>, what: String, word: String)
    /// An optional whole count inside the range, `default` when left out.
    case count(ClosedRange<Double>, what: String, word: String, default: Int)
    /// Text that must be given.
    case text(String)
    /// Text that may be empty.
    case optionalText(String)
    /// `60`, `0.5`, `2.5x`, `max`.
    case speed

    /// Reads `typed` (already trimmed) as this kind of argument for command `name`.
    func read(_ typed: String, for name: CommandName) throws(CommandError) -> CommandArgument {
        let n = name.rawValue
        func number(in range: ClosedRange<Double>, _ what: String) throws(CommandError) -> Double {
            guard let v = Double(typed), v.isFinite else { throw CommandError("'\(n)' needs a number, not '\(typed)'.") }
            guard range.contains(v) else { throw CommandError("'\(n)' takes \(what), not \(typed).") }
            return v
        }
        switch self {
        case .none:
            guard typed.isEmpty else { throw CommandError("'\(n)' takes no argument; write just '\(n)'.") }
            return .none
        case .number(let range, let what, _): return .number(try number(in: range, what))
        case .count(let range, let what, _, let d): return .number(typed.isEmpty ? Double(d) : try number(in: range, what).rounded(.towardZero))
        case .text:
            guard !typed.isEmpty else { throw CommandError("'\(n)' needs an argument.") }
            return .text(typed)
        case .optionalText: return .text(typed)
        case .speed:
            guard let s = PlaybackSpeed(typed: typed) else { throw CommandError("'\(typed)' is not a speed; give a number such as 60 or 0.5, or max.") }
            return .speed(s)
        }
    }
}

/// An argument as read, before it becomes a command.
public enum CommandArgument: Sendable, Equatable {
    case none
    case number(Double)
    case text(String)
    case speed(PlaybackSpeed)

    var number: Double { if case .number(let v) = self { return v } else { return 0 } }
    var text: String { if case .text(let t) = self { return t } else { return "" } }
    var speed: PlaybackSpeed { if case .speed(let s) = self { return s } else { return .realTime } }

    /// The argument as it is typed after the name; nil when there is none.
    var typed: String? {
        switch self {
        case .none: return nil
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        case .text(let t): return t.isEmpty ? nil : t
        case .speed(let s):
            guard case .rate = s else { return s.label }
            return String(s.label.dropLast())
        }
    }
}

/// What Tab completes in a command's argument.
public enum ArgumentCompletion: Sendable {
    case none
    /// The recording's table names.
    case tables
    /// The focused table's column names, before a filter's operator; `signed` keeps a
    /// leading `-` (sort descending).
    case columns(signed: Bool)
    /// Fixed words (export formats).
    case words([String])
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
