import Foundation
import MSREngine

/// Reads a command as a script or the `:` prompt writes it: a name, then its argument, read
/// as the name's `CommandSpec` says.
///
/// `speed 60`, `jump -10`, `jump-to 0.5`, `go-to +01:30:00`, `filter status=moving`,
/// `table public.units`, `link +00:05:00`, `split-vertical`, `step-back`.
public enum CommandParser {
    public static func parse(_ line: String) throws(CommandError) -> ConsoleCommand {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let word = String(trimmed.prefix { !$0.isWhitespace })
        let argument = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard let name = CommandName.named(word) else {
            throw CommandError("There is no command '\(word)'; press ? for the list, or Tab after : to complete a name.")
        }
        return try command(name, argument: argument)
    }

    /// The command `name` with `argument` (trimmed), read as its spec says: the one place a
    /// command is built from text, for scripts, the `:` line and every prompt.
    public static func command(_ name: CommandName, argument: String) throws(CommandError) -> ConsoleCommand {
        let spec = name.spec
        return spec.make(try spec.argument.read(argument.trimmingCharacters(in: .whitespaces), for: name))
    }

    /// The longest jump a command may ask for: a century of recording time, far more than any
    /// recording spans, and far less than what would overflow microseconds.
    public static let maxJumpSeconds = 3_155_760_000.0
    /// The most rows a scroll command moves at once.
    public static let maxScrollRows = 1_000_000_000.0
}

/// A command line the console cannot read, said in one sentence.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
