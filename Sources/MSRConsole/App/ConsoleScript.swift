import Foundation
import MSREngine

/// A file of named commands, one per line, with waits: a prepared debrief walkthrough, or a
/// test driving the console headless.
///
/// ```
/// # lines starting with # are comments
/// speed 60
/// play
/// wait 2s          # or 500ms, 1.5s
/// key shift-right  # a key by its name in the key table
/// snapshot after two seconds
/// quit
/// ```
public struct ConsoleScript: Sendable {
    public enum Step: Sendable {
        case command(ConsoleCommand)
        case wait(Double)
        /// A key by its name in the key table, handled as if typed (prompts and help included).
        case key(String)
        case snapshot(String)
    }

    public var steps: [(line: Int, step: Step)]

    public init(parsing text: String) throws(CommandError) {
        steps = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            let word = t.prefix { !$0.isWhitespace }
            let rest = t.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            do throws(CommandError) {
                switch word {
                case "wait": steps.append((i + 1, .wait(try Self.duration(rest))))
                case "key":
                    guard KeyName.press(named: rest) != nil else {
                        throw CommandError("there is no key '\(rest)'; write a key as the help shows it: space, shift-right, ctrl-left, esc, q")
                    }
                    steps.append((i + 1, .key(rest)))
                case "snapshot": steps.append((i + 1, .snapshot(rest)))
                default: steps.append((i + 1, .command(try CommandParser.parse(t))))
                }
            } catch {
                throw CommandError("line \(i + 1): \(error.description)")
            }
        }
    }

    /// `500ms`, `2s`, `1.5s`, `2` (seconds).
    static func duration(_ text: String) throws(CommandError) -> Double {
        var t = text.lowercased()
        var scale = 1.0
        if t.hasSuffix("ms") { t.removeLast(2); scale = 0.001 } else if t.hasSuffix("s") { t.removeLast() }
        guard let v = Double(t), v >= 0, v < 86_400 else { throw CommandError("'\(text)' is not a duration; write 500ms or 2s.") }
        return v * scale
    }
}
