import MSREngine

/// Everything the console can be told to do. Each command has a name, so a sequence of them
/// can be typed, scripted and replayed headless.
public enum ConsoleCommand: Hashable, Sendable {
    case togglePlay, play, pause
    case faster, slower, setSpeed(PlaybackSpeed), reverse
    case stepForward, stepBack
    /// Moves by seconds of recording time (negative is back).
    case jump(Double)
    /// Moves to a fraction (0…1) of the recording's span.
    case jumpToFraction(Double)
    case home, end
    case goTo(String)
    case nextChange, previousChange
    case bookmark(String)
    case nextBookmark, previousBookmark
    case loopStart, loopEnd, loopClear
    case breakpoint(String), clearBreakpoint
    case filter(String), clearFilter
    case sort(String)
    case focusNext, focusPrevious
    case splitVertical, splitHorizontal, closePane
    case growPane, shrinkPane
    case chooseTable(String)
    /// Links the focused pane to the shared clock with an offset, or unlinks it.
    case link(String), unlink
    case open(String)
    case export(String)
    case follow, unfollow
    case scrollUp(Int), scrollDown(Int), scrollLeft, scrollRight, top, bottom
    case toggleMouse
    case live
    case help, closeOverlay
    case prompt(PromptKind)
    case quit

    /// What a prompt asks for before it becomes a command.
    public enum PromptKind: String, Hashable, Sendable, CaseIterable {
        case goTo = "go-to", speed, bookmark, filter, sort, table, link, open, export, breakpoint, command
    }

    /// The command's name, as scripts and the command prompt write it.
    public var name: String {
        switch self {
        case .togglePlay: return "toggle-play"
        case .play: return "play"
        case .pause: return "pause"
        case .faster: return "faster"
        case .slower: return "slower"
        case .setSpeed: return "speed"
        case .reverse: return "reverse"
        case .stepForward: return "step-forward"
        case .stepBack: return "step-back"
        case .jump: return "jump"
        case .jumpToFraction: return "jump-to"
        case .home: return "home"
        case .end: return "end"
        case .goTo: return "go-to"
        case .nextChange: return "next-change"
        case .previousChange: return "previous-change"
        case .bookmark: return "bookmark"
        case .nextBookmark: return "next-bookmark"
        case .previousBookmark: return "previous-bookmark"
        case .loopStart: return "loop-start"
        case .loopEnd: return "loop-end"
        case .loopClear: return "loop-clear"
        case .breakpoint: return "breakpoint"
        case .clearBreakpoint: return "clear-breakpoint"
        case .filter: return "filter"
        case .clearFilter: return "clear-filter"
        case .sort: return "sort"
        case .focusNext: return "focus-next"
        case .focusPrevious: return "focus-previous"
        case .splitVertical: return "split-vertical"
        case .splitHorizontal: return "split-horizontal"
        case .closePane: return "close-pane"
        case .growPane: return "grow-pane"
        case .shrinkPane: return "shrink-pane"
        case .chooseTable: return "table"
        case .link: return "link"
        case .unlink: return "unlink"
        case .open: return "open"
        case .export: return "export"
        case .follow: return "follow"
        case .unfollow: return "unfollow"
        case .scrollUp: return "scroll-up"
        case .scrollDown: return "scroll-down"
        case .scrollLeft: return "scroll-left"
        case .scrollRight: return "scroll-right"
        case .top: return "top"
        case .bottom: return "bottom"
        case .toggleMouse: return "toggle-mouse"
        case .live: return "live"
        case .help: return "help"
        case .closeOverlay: return "close"
        case .prompt(let kind): return "prompt-" + kind.rawValue
        case .quit: return "quit"
        }
    }
}
