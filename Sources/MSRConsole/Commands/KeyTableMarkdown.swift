import Foundation

/// The README's key table, made from the command specs and the prompt's keys, so the README
/// says what the console does (`ReadmeKeyTableTests` compares it with README.md).
public enum KeyTableMarkdown {
    /// The Markdown between the README's `<!-- keys:begin -->` and `<!-- keys:end -->` lines.
    public static var text: String {
        var out = ["| keys | command | what |", "| --- | --- | --- |"]
        for group in CommandGroup.allCases {
            out.append("| **\(group.rawValue)** | | |")
            for name in CommandName.allCases where name.spec.group == group {
                let spec = name.spec
                let what = spec.help + (spec.details.map { " — " + $0 } ?? "")
                out.append("| \(keys(spec)) | `\(cell(spec.usage))` | \(cell(what)) |")
            }
        }
        out += ["", "In a prompt (`g`, `/`, `s`, `t`, `l`, `e`, `:` …) any other key types itself:", "",
                "| keys | what |", "| --- | --- |"]
        for e in PromptEdit.allCases {
            out.append("| \(e.keys.map(code).joined(separator: " ")) | \(cell(e.help)) |")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The command's keys: those of the panes, then those of other contexts, named.
    private static func keys(_ spec: CommandSpec) -> String {
        var parts: [String] = []
        for context in KeyContext.allCases {
            let keys = spec.keys.filter { $0.context == context }.map { code($0.key) }
            guard !keys.isEmpty else { continue }
            parts.append((context == .normal ? "" : "*\(context == .help ? "in the help" : context.rawValue):* ") + keys.joined(separator: " "))
        }
        return parts.joined(separator: "; ")
    }

    private static func code(_ key: String) -> String { "`" + cell(KeyName.display(key)) + "`" }

    /// A table cell's text: a `|` would end the cell.
    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
