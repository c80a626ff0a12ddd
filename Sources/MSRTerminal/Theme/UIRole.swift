/// A part of the console's screen that a theme gives a style: colour is a table of named roles
/// (as in htop), so views ask for `theme[.playhead]`, never for a colour.
///
/// Roles come in three kinds, which decides what a theme should set:
/// - bars and areas (`background`, `header`, `status`, `gridAltRow`, the timeline, the hint
///   line, help): filled first (`ScreenBuffer.fill`), so they set a background;
/// - text (`gridText`, `number`, `null`, `keyColumn`, titles): drawn on top, usually only a
///   foreground, so the area's background shows through;
/// - highlights (`selectedRow`, `inserted`, `updated`, `deleted`, `playhead`): laid over what is
///   drawn (`ScreenBuffer.restyle`), so they set both colours to stay readable on anything.
///
/// In theme files a role is written in snake_case (`grid_alt_row`); camelCase is accepted too.
public enum UIRole: String, CaseIterable, Hashable, Sendable, Comparable {
    /// The screen behind everything (pane interiors).
    case background
    /// The top bar: recording name, time, play state, speed.
    case header
    /// Values in the header that matter most (play state, the time).
    case headerAccent = "header_accent"
    /// The status line: messages and counts.
    case status
    /// A grid's column-name row.
    case gridHeader = "grid_header"
    /// The column the grid is sorted by, in the header row.
    case gridHeaderSorted = "grid_header_sorted"
    /// Ordinary cell text.
    case gridText = "grid_text"
    /// Every other row, to guide the eye along wide rows.
    case gridAltRow = "grid_alt_row"
    /// Key columns, pinned while scrolling sideways.
    case keyColumn = "key_column"
    /// The row the cursor (or a followed key) is on.
    case selectedRow = "selected_row"
    /// A row inserted by the last step.
    case inserted
    /// A cell updated by the last step.
    case updated
    /// A row deleted by the last step, shown briefly before it goes.
    case deleted
    /// Numeric cells (right-aligned).
    case number
    /// Date and time cells.
    case timestamp
    /// NULL cells.
    case null
    /// The timeline's track.
    case timeline
    /// The activity strip: event density over time.
    case timelineActivity = "timeline_activity"
    /// Times written along the timeline.
    case timelineLabel = "timeline_label"
    /// The playhead on the timeline.
    case playhead
    /// Bookmark marks on the timeline.
    case bookmark
    /// The A–B loop range on the timeline.
    case loopRange = "loop_range"
    /// How far ahead the prefetch buffer is filled.
    case bufferFill = "buffer_fill"
    /// The key-hint line's text.
    case hint
    /// Keys in the key-hint line.
    case hintKey = "hint_key"
    /// The help overlay's text.
    case help
    /// Keys in the help overlay.
    case helpKey = "help_key"
    /// Section titles in the help overlay.
    case helpTitle = "help_title"
    /// A pane's frame.
    case paneBorder = "pane_border"
    /// The focused pane's frame.
    case paneBorderFocused = "pane_border_focused"
    /// A pane's title (its table, filters, link state).
    case paneTitle = "pane_title"
    /// The focused pane's title.
    case paneTitleFocused = "pane_title_focused"
    /// Error messages.
    case error
    /// Warnings (a theme that fell back, a slow buffer).
    case warning
    /// Prompts for input (go to time, filter, bookmark note).
    case prompt

    /// The role a theme-file key names: snake_case (`grid_alt_row`) or camelCase
    /// (`gridAltRow`), case and `-`/`_` ignored.
    public init?(key: String) {
        let wanted = UIRole.normalized(key)
        guard let role = UIRole.allCases.first(where: { UIRole.normalized($0.rawValue) == wanted }) else { return nil }
        self = role
    }

    /// The key a theme file uses for this role.
    public var key: String { rawValue }

    public static func < (lhs: UIRole, rhs: UIRole) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    static func normalized(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" }
    }
}
