/// What the bottom line asks the user to type, and the line being edited: text with a
/// cursor, edited the way a shell line is (so nobody has to retype a long time or filter to
/// fix one character).
public struct PromptState {
    public var kind: ConsoleCommand.PromptKind
    /// The line as characters, so an edit at the cursor costs no walk from the start (a
    /// String index by offset would, making a long paste quadratic).
    private var characters: [Character]
    public var text: String {
        get { String(characters) }
        set { characters = Array(newValue) }
    }
    /// The cursor, in characters from the start of `text` (0…count).
    public var cursor: Int
    /// Which earlier entry Up has brought back (0 is the latest); nil while editing a new one.
    var historyIndex: Int?
    /// What was typed before Up replaced it, given back when Down goes past the latest entry.
    var draft = ""
    /// The names Tab found for the word before the cursor, when it could not choose one.
    public var completions: [String] = []

    public init(kind: ConsoleCommand.PromptKind, text: String = "") {
        self.kind = kind
        self.characters = Array(text)
        cursor = characters.count
    }

    public var label: String {
        switch kind {
        case .goTo: return "go to (ISO-8601, +SECONDS, +HH:MM:SS)"
        case .speed: return "speed (e.g. 25, 0.5, max; x again closes the pane)"
        case .bookmark: return "bookmark note"
        case .filter: return "filter (text, column=value, column>value; empty clears)"
        case .sort: return "sort by column (-column descending; empty: key order)"
        case .table: return "table"
        case .link: return "link (Enter toggles; +offset or -offset; 'start' aligns starts)"
        case .open: return "open recording"
        case .export: return "export csv|ndjson|events [raw] [all] [path or directory]"
        case .breakpoint: return "pause when a row matching this changes"
        case .command: return "command (Tab completes names)"
        }
    }

    mutating func insert(_ c: Character) {
        characters.insert(c, at: cursor)
        cursor += 1
    }

    /// Backspace: the character before the cursor.
    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Delete: the character under the cursor.
    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    mutating func moveCursor(by delta: Int) { cursor = min(max(0, cursor + delta), characters.count) }
    mutating func moveCursorHome() { cursor = 0 }
    mutating func moveCursorEnd() { cursor = characters.count }

    /// Ctrl-U: everything before the cursor.
    mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: everything from the cursor on.
    mutating func deleteToEnd() { characters.removeSubrange(cursor...) }

    /// Ctrl-W: the word before the cursor, and the spaces after it.
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Replaces the line (from the history), the cursor at its end.
    mutating func replace(with line: String) {
        characters = Array(line)
        cursor = characters.count
    }
}
