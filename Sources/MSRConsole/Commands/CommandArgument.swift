import MSREngine

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
