import Foundation
import MSREngine

/// Reads a command as a script or the `:` prompt writes it: a name, then its argument.
///
/// `speed 60`, `jump -10`, `jump-to 0.5`, `go-to +01:30:00`, `filter status=moving`,
/// `table public.units`, `link +00:05:00`, `split-vertical`, `step-back`.
public enum CommandParser {
    public static func parse(_ line: String) throws(CommandError) -> ConsoleCommand {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let name = trimmed.prefix { !$0.isWhitespace }.lowercased()
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        func number() throws(CommandError) -> Double {
            guard let v = Double(argument), v.isFinite else { throw CommandError("'\(name)' needs a number, not '\(argument)'.") }
            return v
        }
        /// A number inside `range`, so nothing typed can overflow what it is turned into.
        func number(in range: ClosedRange<Double>, _ what: String) throws(CommandError) -> Double {
            let v = try number()
            guard range.contains(v) else { throw CommandError("'\(name)' takes \(what), not \(argument).") }
            return v
        }
        func text() throws(CommandError) -> String {
            guard !argument.isEmpty else { throw CommandError("'\(name)' needs an argument.") }
            return argument
        }
        switch name {
        case "speed":
            guard let s = PlaybackSpeed(typed: argument) else { throw CommandError("'\(argument)' is not a speed; give a number such as 60 or 0.5, or max.") }
            return .setSpeed(s)
        case "jump": return .jump(try number(in: -maxJumpSeconds...maxJumpSeconds, "seconds between -\(Int(maxJumpSeconds)) and \(Int(maxJumpSeconds))"))
        case "jump-to":
            let f = try number(in: 0...100, "a fraction from 0 to 1 or a percentage up to 100")
            return .jumpToFraction(f > 1 ? f / 100 : f)
        case "go-to": return .goTo(try text())
        case "bookmark": return .bookmark(argument)
        case "breakpoint": return .breakpoint(try text())
        case "filter": return argument.isEmpty ? .clearFilter : .filter(argument)
        case "sort": return .sort(try text())
        case "table": return .chooseTable(try text())
        case "link": return .link(argument)
        case "open": return .open(try text())
        case "export": return .export(try text())
        case "scroll-up": return .scrollUp(argument.isEmpty ? 1 : Int(try number(in: 0...maxScrollRows, "a count of rows up to \(Int(maxScrollRows))")))
        case "scroll-down": return .scrollDown(argument.isEmpty ? 1 : Int(try number(in: 0...maxScrollRows, "a count of rows up to \(Int(maxScrollRows))")))
        default:
            if let simple = simpleCommands[name] { return simple }
            throw CommandError("There is no command '\(name)'; press ? for the list.")
        }
    }

    /// The longest jump a command may ask for: a century of recording time, far more than any
    /// recording spans, and far less than what would overflow microseconds.
    public static let maxJumpSeconds = 3_155_760_000.0
    /// The most rows a scroll command moves at once.
    public static let maxScrollRows = 1_000_000_000.0

    /// Commands without an argument, by name.
    static let simpleCommands: [String: ConsoleCommand] = {
        let all: [ConsoleCommand] = [
            .togglePlay, .play, .pause, .faster, .slower, .reverse, .stepForward, .stepBack, .home, .end,
            .nextChange, .previousChange, .nextBookmark, .previousBookmark, .loopStart, .loopEnd, .loopClear,
            .clearBreakpoint, .clearFilter, .focusNext, .focusPrevious, .splitVertical, .splitHorizontal,
            .closePane, .growPane, .shrinkPane, .unlink, .follow, .unfollow, .scrollLeft, .scrollRight,
            .top, .bottom, .toggleMouse, .live, .help, .closeOverlay, .quit,
        ]
        var map: [String: ConsoleCommand] = [:]
        for c in all { map[c.name] = c }
        return map
    }()
}

/// A command line the console cannot read, said in one sentence.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
