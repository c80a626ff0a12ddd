import MSRModel

/// The name of every command the console knows, as scripts, the `:` prompt and the README
/// write it. The order is the order of the help overlay, the hint line and the README.
///
/// Adding a command: a case here, its `spec` in `CommandSpecs.swift`, a case in
/// `ConsoleCommand` (with its line in `ConsoleCommand.parts`) and its handler in
/// `ConsoleApp.run`; each of those switches is exhaustive, so none can be forgotten.
public enum CommandName: String, Sendable, CaseIterable {
    // Playback
    case togglePlay = "toggle-play", play, pause, slower, faster, speed, promptSpeed = "prompt-speed"
    case reverse, stepBack = "step-back", stepForward = "step-forward", jump, live
    // Moving
    case jumpTo = "jump-to", home, end, promptGoTo = "prompt-go-to", goTo = "go-to"
    case nextChange = "next-change", previousChange = "previous-change"
    case scrollUp = "scroll-up", scrollDown = "scroll-down", scrollLeft = "scroll-left", scrollRight = "scroll-right"
    case top, bottom, follow, unfollow
    // Marks, filters, export
    case promptBookmark = "prompt-bookmark", bookmark, nextBookmark = "next-bookmark", previousBookmark = "previous-bookmark"
    case loopStart = "loop-start", loopEnd = "loop-end", loopClear = "loop-clear"
    case promptBreakpoint = "prompt-breakpoint", breakpoint, clearBreakpoint = "clear-breakpoint"
    case promptFilter = "prompt-filter", filter, clearFilter = "clear-filter", promptSort = "prompt-sort", sort
    case promptExport = "prompt-export", export
    // Panes
    case focusNext = "focus-next", focusPrevious = "focus-previous"
    case splitVertical = "split-vertical", splitHorizontal = "split-horizontal", closePane = "close-pane"
    case growPane = "grow-pane", shrinkPane = "shrink-pane"
    case promptTable = "prompt-table", table, promptLink = "prompt-link", link, unlink, promptOpen = "prompt-open", open
    case toggleMouse = "toggle-mouse", promptCommand = "prompt-command", quit
    // Help
    case help, close

    /// The command a typed name stands for, compared by bytes after folding case (`Play`
    /// is `play`); nil for a name that is no command.
    public static func named(_ typed: String) -> CommandName? {
        let folded = typed.caseFolded
        return allCases.first { $0.rawValue.utf8Equal(folded) }
    }

    /// Names whose bytes begin with `typed`'s (case folded), in table order: what Tab offers
    /// after `:`.
    public static func completing(_ typed: String) -> [CommandName] {
        let folded = typed.caseFolded
        return allCases.filter { $0.rawValue.utf8HasPrefix(folded) }
    }
}
