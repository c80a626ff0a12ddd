import MSREngine

/// The specification of every command: one entry per name, in an exhaustive switch, so a
/// name without a spec does not compile.
extension CommandName {
    /// This command's spec, made once.
    public var spec: CommandSpec { Self.specs[self] ?? makeSpec() }

    private static let specs: [CommandName: CommandSpec] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeSpec()) })

    private func makeSpec() -> CommandSpec {
        typealias K = KeySpec
        let maxJump = CommandParser.maxJumpSeconds, maxRows = CommandParser.maxScrollRows
        switch self {
        // Playback
        case .togglePlay:
            return CommandSpec(self, .playback, "play / pause", keys: [K("space", hint: "play")]) { _ in .togglePlay }
        case .play: return CommandSpec(self, .playback, "start playing") { _ in .play }
        case .pause: return CommandSpec(self, .playback, "stop playing") { _ in .pause }
        case .slower:
            return CommandSpec(self, .playback, "slower (speed ladder 0.1x … 1000x, max)",
                               details: "0.1x 0.25x 0.5x 1x 2x 5x 10x 30x 60x 120x 300x 600x 1000x max",
                               keys: [K("[", hint: "speed")]) { _ in .slower }
        case .faster: return CommandSpec(self, .playback, "faster", keys: [K("]", hint: "speed")]) { _ in .faster }
        case .speed:
            return CommandSpec(self, .playback, "play at any speed: 60, 0.5, 2.5x or max", argument: .speed) { .setSpeed($0.speed) }
        case .promptSpeed:
            return CommandSpec(self, .playback, "x then digits and Enter: any speed (x 2 5 Enter = 25x); x x: close pane",
                               keys: [K("x")]) { _ in .prompt(.speed) }
        case .reverse: return CommandSpec(self, .playback, "reverse direction", moves: true, keys: [K("r", hint: "reverse")]) { _ in .reverse }
        case .stepBack:
            return CommandSpec(self, .playback, "step one event back", moves: true, keys: [K("left", hint: "step")]) { _ in .stepBack }
        case .stepForward:
            return CommandSpec(self, .playback, "step one event forward", moves: true, keys: [K("right", hint: "step")]) { _ in .stepForward }
        case .jump:
            return CommandSpec(self, .playback, "jump by seconds of recording time (negative: back)",
                               details: "shift, ctrl and ctrl-shift (or alt) with ← → jump 1 s, 10 s and 1 min; at most a century either way",
                               argument: .number(-maxJump...maxJump, what: "seconds between -\(Int(maxJump)) and \(Int(maxJump))", word: "SECONDS"),
                               moves: true,
                               keys: [K("shift-left", .jump(-1), "back 1 s"), K("shift-right", .jump(1), "forward 1 s"),
                                      K("ctrl-left", .jump(-10), "back 10 s"), K("ctrl-right", .jump(10), "forward 10 s"),
                                      K("ctrl-shift-left", .jump(-60), "back 1 min"), K("ctrl-shift-right", .jump(60), "forward 1 min"),
                                      K("alt-left", .jump(-60), "back 1 min (where ctrl-shift is not sent)"),
                                      K("alt-right", .jump(60), "forward 1 min")]) { .jump($0.number) }
        case .live:
            return CommandSpec(self, .playback, "follow a live capture (back to now)",
                               details: "any move leaves live mode", keys: [K("L")]) { _ in .live }
        // Moving
        case .jumpTo:
            return CommandSpec(self, .moving, "jump to a fraction (0–1) or percentage of the recording",
                               details: "rounded to a whole second, ten seconds, a minute … as the span allows",
                               argument: .number(0...100, what: "a fraction from 0 to 1 or a percentage up to 100", word: "FRACTION"),
                               moves: true, seeks: true,
                               keys: (0...9).map { d in K(String(d), .jumpToFraction(Double(d) / 10), "jump to \(d * 10) %") }) {
                .jumpToFraction($0.number > 1 ? $0.number / 100 : $0.number)
            }
        case .home: return CommandSpec(self, .moving, "start of the recording", moves: true, seeks: true, keys: [K("home")]) { _ in .home }
        case .end: return CommandSpec(self, .moving, "end of the recording", moves: true, seeks: true, keys: [K("end")]) { _ in .end }
        case .promptGoTo:
            return CommandSpec(self, .moving, "go to a time: 09:30 (time of day), -10m / +30s (from here), +HH:MM:SS (from the start), ISO-8601", keys: [K("g", hint: "go to")]) { _ in .prompt(.goTo) }
        case .goTo:
            return CommandSpec(self, .moving, "go to a time: 09:30 (time of day), -10m / +30s (from here), +HH:MM:SS (from the start), ISO-8601", argument: .text("TIME"), moves: true, seeks: true) { .goTo($0.text) }
        case .nextChange:
            return CommandSpec(self, .moving, "next change in the focused table",
                               details: "that its filter shows; the changed row is selected and scrolled to",
                               moves: true, keys: [K("n")]) { _ in .nextChange }
        case .previousChange:
            return CommandSpec(self, .moving, "previous change in the focused table", moves: true, keys: [K("N")]) { _ in .previousChange }
        case .scrollUp:
            return CommandSpec(self, .moving, "select the row above (or ROWS above)",
                               argument: .count(0...maxRows, what: "a count of rows up to \(Int(maxRows))", word: "ROWS", default: 1),
                               keys: [K("up", .scrollUp(1), "select the row above"), K("pageup", .scrollUp(20), "page up"),
                                      K("up", .scrollUp(1), "scroll up", context: .help),
                                      K("pageup", .scrollUp(20), "scroll a page up", context: .help)]) { .scrollUp(Int($0.number)) }
        case .scrollDown:
            return CommandSpec(self, .moving, "select the row below (or ROWS below)",
                               argument: .count(0...maxRows, what: "a count of rows up to \(Int(maxRows))", word: "ROWS", default: 1),
                               keys: [K("down", .scrollDown(1), "select the row below"), K("pagedown", .scrollDown(20), "page down"),
                                      K("down", .scrollDown(1), "scroll down", context: .help),
                                      K("pagedown", .scrollDown(20), "scroll a page down", context: .help)]) { .scrollDown(Int($0.number)) }
        case .scrollLeft:
            return CommandSpec(self, .moving, "scroll columns left (key columns stay)", keys: [K("<")]) { _ in .scrollLeft }
        case .scrollRight: return CommandSpec(self, .moving, "scroll columns right", keys: [K(">")]) { _ in .scrollRight }
        case .top:
            return CommandSpec(self, .moving, "select the first row", keys: [K("home", nil, "to the top", context: .help)]) { _ in .top }
        case .bottom:
            return CommandSpec(self, .moving, "select the last row", keys: [K("end", nil, "to the end", context: .help)]) { _ in .bottom }
        case .follow: return CommandSpec(self, .moving, "follow the selected row (keep it in view)", keys: [K("f")]) { _ in .follow }
        case .unfollow: return CommandSpec(self, .moving, "stop following", keys: [K("F")]) { _ in .unfollow }
        // Marks, filters, export
        case .promptBookmark: return CommandSpec(self, .marks, "bookmark here, with a note", keys: [K("m")]) { _ in .prompt(.bookmark) }
        case .bookmark: return CommandSpec(self, .marks, "bookmark here, with a note", argument: .optionalText("NOTE")) { .bookmark($0.text) }
        case .nextBookmark:
            return CommandSpec(self, .marks, "next bookmark", moves: true, seeks: true, keys: [K("'")]) { _ in .nextBookmark }
        case .previousBookmark:
            return CommandSpec(self, .marks, "previous bookmark", moves: true, seeks: true, keys: [K("\"")]) { _ in .previousBookmark }
        case .loopStart: return CommandSpec(self, .marks, "loop from here (A)", keys: [K("a")]) { _ in .loopStart }
        case .loopEnd: return CommandSpec(self, .marks, "loop to here (B)", keys: [K("b")]) { _ in .loopEnd }
        case .loopClear: return CommandSpec(self, .marks, "clear the loop", keys: [K("A")]) { _ in .loopClear }
        case .promptBreakpoint:
            return CommandSpec(self, .marks, "pause when a row matching a filter changes", details: "an event breakpoint",
                               keys: [K("p")]) { _ in .prompt(.breakpoint) }
        case .breakpoint:
            return CommandSpec(self, .marks, "pause when a row matching FILTER changes; without one, clear it",
                               argument: .optionalText("FILTER"), completion: .columns(signed: false)) {
                $0.text.isEmpty ? .clearBreakpoint : .breakpoint($0.text)
            }
        case .clearBreakpoint: return CommandSpec(self, .marks, "clear the breakpoint", keys: [K("P")]) { _ in .clearBreakpoint }
        case .promptFilter:
            return CommandSpec(self, .marks, "filter rows: text, column=value, column>value",
                               details: "also `column!=value`, `column~text`; cells compare as shown: decimals by exact value, dates and times chronologically (`strength<10`, `updated_at>=2026-03-14T09:00:00Z`); text matches ignoring case, byte for byte otherwise: `é` composed does not match `é` decomposed",
                               keys: [K("/", hint: "filter")]) { _ in .prompt(.filter) }
        case .filter:
            return CommandSpec(self, .marks, "show only the rows matching FILTER; without one, all rows",
                               argument: .optionalText("FILTER"), completion: .columns(signed: false)) {
                $0.text.isEmpty ? .clearFilter : .filter($0.text)
            }
        case .clearFilter: return CommandSpec(self, .marks, "show all rows") { _ in .clearFilter }
        case .promptSort:
            return CommandSpec(self, .marks, "sort by a column (-column: descending; empty: key)", keys: [K("s")]) { _ in .prompt(.sort) }
        case .sort:
            return CommandSpec(self, .marks, "sort by COLUMN (-COLUMN descending, key for key order)",
                               argument: .text("COLUMN"), completion: .columns(signed: true)) { .sort($0.text) }
        case .promptExport:
            return CommandSpec(self, .marks, "export the pane (csv, ndjson) or the loop's events",
                               details: "`events` without a loop asks before exporting the whole recording, then writes in the background with progress, Esc stops; to a new file: a path, or a directory to get a default name there (`--export-dir` sets where exports without a path go); `raw` gives values as ingested, `all` exports every event without asking",
                               keys: [K("e")]) { _ in .prompt(.export) }
        case .export:
            return CommandSpec(self, .marks, "export csv|ndjson|events [raw] [all] [path or directory]",
                               argument: .text("WHAT"), completion: .words(["csv", "ndjson", "events", "raw", "all"])) { .export($0.text) }
        // Panes
        case .focusNext: return CommandSpec(self, .panes, "focus the next pane", keys: [K("tab", hint: "focus")]) { _ in .focusNext }
        case .focusPrevious: return CommandSpec(self, .panes, "focus the previous pane", keys: [K("backtab")]) { _ in .focusPrevious }
        case .splitVertical: return CommandSpec(self, .panes, "split side by side", keys: [K("|", hint: "split")]) { _ in .splitVertical }
        case .splitHorizontal: return CommandSpec(self, .panes, "split one above the other", keys: [K("-")]) { _ in .splitHorizontal }
        case .closePane:
            return CommandSpec(self, .panes, "close the focused pane", keys: [K("x", context: .afterX)]) { _ in .closePane }
        case .growPane: return CommandSpec(self, .panes, "grow the pane", keys: [K("}")]) { _ in .growPane }
        case .shrinkPane: return CommandSpec(self, .panes, "shrink the pane", keys: [K("{")]) { _ in .shrinkPane }
        case .promptTable:
            return CommandSpec(self, .panes, "choose the pane's table", keys: [K("t", hint: "table")]) { _ in .prompt(.table) }
        case .table:
            return CommandSpec(self, .panes, "show TABLE in the pane", argument: .text("TABLE"), completion: .tables) { .chooseTable($0.text) }
        case .promptLink:
            return CommandSpec(self, .panes, "link / unlink the pane to the shared clock (+offset)",
                               details: "`l +00:05:00` links with an offset, `l start` aligns two recordings' starts",
                               keys: [K("l")]) { _ in .prompt(.link) }
        case .link:
            return CommandSpec(self, .panes, "link the pane to the shared clock at +OFFSET or -OFFSET ('start' aligns starts); without one, toggle",
                               argument: .optionalText("OFFSET"), completion: .words(["start"])) { .link($0.text) }
        case .unlink: return CommandSpec(self, .panes, "give the pane its own session (time, speed, play state)") { _ in .unlink }
        case .promptOpen:
            return CommandSpec(self, .panes, "open another recording in a new pane", details: "its own session",
                               keys: [K("o")]) { _ in .prompt(.open) }
        case .open: return CommandSpec(self, .panes, "open the recording at PATH in a new pane", argument: .text("PATH")) { .open($0.text) }
        case .toggleMouse: return CommandSpec(self, .panes, "mouse on / off", keys: [K("M")]) { _ in .toggleMouse }
        case .promptCommand:
            return CommandSpec(self, .panes, "type a named command (Tab completes names)", keys: [K(":")]) { _ in .prompt(.command) }
        case .quit: return CommandSpec(self, .panes, "quit", keys: [K("q", hint: "quit")]) { _ in .quit }
        // Help
        case .help: return CommandSpec(self, .help, "this help", keys: [K("?", hint: "help")]) { _ in .help }
        case .close:
            return CommandSpec(self, .help, "close the help or the prompt",
                               keys: [K("?", nil, "close the help", context: .help), K("esc", nil, "close the help", context: .help),
                                      K("q", nil, "close the help", context: .help), K("esc", nil, "cancel", context: .afterX)]) { _ in .closeOverlay }
        }
    }
}
