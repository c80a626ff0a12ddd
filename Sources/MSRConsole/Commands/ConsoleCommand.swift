import MSREngine

/// Everything the console can be told to do, with its argument. Each command has a name
/// (`CommandName`, described by its `CommandSpec`), so a sequence of them can be typed,
/// scripted and replayed headless.
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

        /// The command that opens this prompt.
        public var opener: CommandName {
            switch self {
            case .goTo: return .promptGoTo
            case .speed: return .promptSpeed
            case .bookmark: return .promptBookmark
            case .filter: return .promptFilter
            case .sort: return .promptSort
            case .table: return .promptTable
            case .link: return .promptLink
            case .open: return .promptOpen
            case .export: return .promptExport
            case .breakpoint: return .promptBreakpoint
            case .command: return .promptCommand
            }
        }

        /// The command the typed text becomes (its argument), whose spec says what Tab
        /// completes; nil for the command line, where the text names the command.
        public var target: CommandName? {
            switch self {
            case .goTo: return .goTo
            case .speed: return .speed
            case .bookmark: return .bookmark
            case .filter: return .filter
            case .sort: return .sort
            case .table: return .table
            case .link: return .link
            case .open: return .open
            case .export: return .export
            case .breakpoint: return .breakpoint
            case .command: return nil
            }
        }

        /// What Enter on an empty prompt gives its command: nil does nothing (there is no
        /// time, speed, table or path to guess); a filter or breakpoint is cleared, a sort
        /// goes back to key order, an export writes CSV.
        public var whenEmpty: String? {
            switch self {
            case .goTo, .speed, .table, .open, .command: return nil
            case .bookmark, .filter, .link, .breakpoint: return ""
            case .sort: return "key"
            case .export: return "csv"
            }
        }
    }

    /// The command's name, as scripts and the command prompt write it.
    public var name: CommandName { parts.name }

    /// The command as a line the parser reads back into it: `jump -10`, `filter side=RED`.
    public var text: String { parts.argument.typed.map { name.rawValue + " " + $0 } ?? name.rawValue }

    /// The name and the argument, in one exhaustive switch.
    var parts: (name: CommandName, argument: CommandArgument) {
        switch self {
        case .togglePlay: return (.togglePlay, .none)
        case .play: return (.play, .none)
        case .pause: return (.pause, .none)
        case .faster: return (.faster, .none)
        case .slower: return (.slower, .none)
        case .setSpeed(let s): return (.speed, .speed(s))
        case .reverse: return (.reverse, .none)
        case .stepForward: return (.stepForward, .none)
        case .stepBack: return (.stepBack, .none)
        case .jump(let v): return (.jump, .number(v))
        case .jumpToFraction(let f): return (.jumpTo, .number(f))
        case .home: return (.home, .none)
        case .end: return (.end, .none)
        case .goTo(let t): return (.goTo, .text(t))
        case .nextChange: return (.nextChange, .none)
        case .previousChange: return (.previousChange, .none)
        case .bookmark(let t): return (.bookmark, .text(t))
        case .nextBookmark: return (.nextBookmark, .none)
        case .previousBookmark: return (.previousBookmark, .none)
        case .loopStart: return (.loopStart, .none)
        case .loopEnd: return (.loopEnd, .none)
        case .loopClear: return (.loopClear, .none)
        case .breakpoint(let t): return (.breakpoint, .text(t))
        case .clearBreakpoint: return (.clearBreakpoint, .none)
        case .filter(let t): return (.filter, .text(t))
        case .clearFilter: return (.clearFilter, .none)
        case .sort(let t): return (.sort, .text(t))
        case .focusNext: return (.focusNext, .none)
        case .focusPrevious: return (.focusPrevious, .none)
        case .splitVertical: return (.splitVertical, .none)
        case .splitHorizontal: return (.splitHorizontal, .none)
        case .closePane: return (.closePane, .none)
        case .growPane: return (.growPane, .none)
        case .shrinkPane: return (.shrinkPane, .none)
        case .chooseTable(let t): return (.table, .text(t))
        case .link(let t): return (.link, .text(t))
        case .unlink: return (.unlink, .none)
        case .open(let t): return (.open, .text(t))
        case .export(let t): return (.export, .text(t))
        case .follow: return (.follow, .none)
        case .unfollow: return (.unfollow, .none)
        case .scrollUp(let n): return (.scrollUp, .number(Double(n)))
        case .scrollDown(let n): return (.scrollDown, .number(Double(n)))
        case .scrollLeft: return (.scrollLeft, .none)
        case .scrollRight: return (.scrollRight, .none)
        case .top: return (.top, .none)
        case .bottom: return (.bottom, .none)
        case .toggleMouse: return (.toggleMouse, .none)
        case .live: return (.live, .none)
        case .help: return (.help, .none)
        case .closeOverlay: return (.close, .none)
        case .prompt(let kind): return (kind.opener, .none)
        case .quit: return (.quit, .none)
        }
    }
}
