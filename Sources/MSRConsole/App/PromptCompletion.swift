import MSREngine
import MSRModel

/// Tab in a prompt completes the word before the cursor from what that prompt can take, as
/// the spec of the command it becomes says: table names for `t`, column names for `s`, `/`
/// and `p` (a filter's column, before its operator), and after `:` every command's name,
/// then that command's argument. Names match by their bytes after folding case, never by
/// Unicode equivalence. Several matches complete to what they share and are listed on the line.
enum PromptCompletion {
    /// Where the word before the cursor takes its candidates from.
    enum Source {
        case commandNames
        case argument(ArgumentCompletion)
    }

    /// What the word before the cursor of `p` completes from.
    static func source(_ p: PromptState) -> Source {
        let before = String(p.text.prefix(p.cursor))
        guard p.kind == .command else { return .argument(p.kind.target?.spec.completion ?? .none) }
        let words = before.drop { $0 == " " }.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 1, let first = words.first else { return .commandNames }
        return .argument(CommandName.named(String(first))?.spec.completion ?? .none)
    }

    /// The candidates for `word` from `source`, in the focused pane.
    static func candidates(_ source: Source, pane: Pane?, word: String) -> [String] {
        switch source {
        case .commandNames: return CommandName.completing(word).map(\.rawValue)
        case .argument(.none): return []
        case .argument(.words(let words)): return words
        case .argument(.tables):
            guard let pane else { return [] }
            let tables = pane.recording.summary.tables.map(\.name)
            // Each table once: its bare name where that is unambiguous (the table command
            // accepts it), else its qualified name; qualified for all once a schema is typed.
            if word.contains(".") { return tables.map(\.qualified).sorted { $0.utf8Less($1) } }
            return tables.map { t in tables.filter { $0.name.utf8Equal(t.name) }.count == 1 ? t.name : t.qualified }.sorted { $0.utf8Less($1) }
        case .argument(.columns):
            guard let pane else { return [] }
            // In a filter, only the column part of `column=value` is completed.
            if RowFilter.Comparison.allCases.contains(where: { word.contains($0.rawValue) }) { return [] }
            return pane.table.columns.map(\.name)
        }
    }

    /// Completes `p` in place; returns the names that still match when more than one does.
    static func complete(_ p: inout PromptState, pane: Pane?) -> [String] {
        let source = source(p)
        let before = String(p.text.prefix(p.cursor))
        var word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        var lead = ""
        if case .argument(.columns(signed: true)) = source, word.hasPrefix("-") {
            lead = "-"
            word.removeFirst()
        }
        let typed = word.caseFolded
        let matches = candidates(source, pane: pane, word: word).filter { $0.caseFolded.utf8HasPrefix(typed) }
        guard let first = matches.first else { return [] }
        var common = first
        for m in matches.dropFirst() {
            while !m.caseFolded.utf8HasPrefix(common.caseFolded) { common.removeLast() }
        }
        if common.count > word.count || matches.count == 1 {
            let start = before.count - word.count - lead.count
            let replacement = lead + common
            p.text = String(p.text.prefix(start)) + replacement + String(p.text.dropFirst(p.cursor))
            p.cursor = start + replacement.count
        }
        return matches.count > 1 ? matches : []
    }
}
