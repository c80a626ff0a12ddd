import MSREngine
import MSRModel

/// Tab in a prompt completes the word before the cursor from what that prompt can take:
/// table names for `t`, column names for `s`, `/` and `p` (a filter's column, before its
/// operator). Several matches complete to what they share and are listed on the line.
enum PromptCompletion {
    /// What the prompt of `kind` can complete to, in the focused pane.
    static func candidates(_ kind: ConsoleCommand.PromptKind, pane: Pane?, typed: String = "") -> [String] {
        guard let pane else { return [] }
        switch kind {
        case .table:
            let tables = pane.recording.summary.tables.map(\.name)
            // Each table once: its bare name where that is unambiguous (the table command
            // accepts it), else its qualified name; qualified for all once a schema is typed.
            let word = typed.split(separator: " ", omittingEmptySubsequences: false).last ?? ""
            if word.contains(".") { return tables.map(\.qualified).sorted() }
            let counts = Dictionary(grouping: tables, by: \.name).mapValues(\.count)
            return tables.map { counts[$0.name] == 1 ? $0.name : $0.qualified }.sorted()
        case .sort, .filter, .breakpoint:
            return pane.table.columns.map(\.name)
        default:
            return []
        }
    }

    /// Completes `p` in place; returns the names that still match when more than one does.
    static func complete(_ p: inout PromptState, candidates: [String]) -> [String] {
        let before = String(p.text.prefix(p.cursor))
        var word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        var lead = ""
        if p.kind == .sort && word.hasPrefix("-") {
            lead = "-"
            word.removeFirst()
        }
        // In a filter, only the column part of `column=value` is completed.
        if RowFilter.Comparison.allCases.contains(where: { word.contains($0.rawValue) }) { return [] }
        let matches = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        guard let first = matches.first else { return [] }
        var common = first
        for m in matches.dropFirst() {
            while !m.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
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
