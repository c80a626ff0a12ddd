import MSREngine
import MSRModel

/// Tab in a prompt completes the word before the cursor from what that prompt can take:
/// table names for `t`, column names for `s`, `/` and `p` (a filter's column, before its
/// operator). Several matches complete to what they share and are listed on the line.
enum PromptCompletion {
    /// What the prompt of `kind` can complete to, in the focused pane.
    static func candidates(_ kind: ConsoleCommand.PromptKind, pane: Pane?) -> [String] {
        guard let pane else { return [] }
        switch kind {
        case .table:
            let tables = pane.recording.summary.tables.map(\.name)
            // Bare names where they are unambiguous, as the table command accepts them.
            let bare = Dictionary(grouping: tables, by: \.name).filter { $0.value.count == 1 }.keys
            return (tables.map(\.qualified) + bare).sorted()
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
