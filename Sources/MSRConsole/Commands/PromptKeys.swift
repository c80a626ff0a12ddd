/// What a key does in a bottom-line prompt: the line edits like a shell line, so nobody has
/// to retype a long time or filter to fix one character.
public enum PromptEdit: String, Sendable, CaseIterable {
    case submit, cancel, deleteBackward, deleteForward, left, right, home, end
    case deleteToStart, deleteToEnd, deleteWordBackward, complete, older, newer

    /// The keys that do it, as `KeyName` writes them; the first is the one the help shows.
    public var keys: [String] {
        switch self {
        case .submit: return ["enter"]
        case .cancel: return ["esc", "ctrl-c", "ctrl-g"]
        case .deleteBackward: return ["backspace", "ctrl-h"]
        case .deleteForward: return ["delete", "ctrl-d"]
        case .left: return ["left", "ctrl-b"]
        case .right: return ["right", "ctrl-f"]
        case .home: return ["home", "ctrl-a"]
        case .end: return ["end", "ctrl-e"]
        case .deleteToStart: return ["ctrl-u"]
        case .deleteToEnd: return ["ctrl-k"]
        case .deleteWordBackward: return ["ctrl-w"]
        case .complete: return ["tab"]
        case .older: return ["up"]
        case .newer: return ["down"]
        }
    }

    public var help: String {
        switch self {
        case .submit: return "do it"
        case .cancel: return "cancel"
        case .deleteBackward: return "delete the character before the cursor"
        case .deleteForward: return "delete the character under the cursor"
        case .left: return "cursor left"
        case .right: return "cursor right"
        case .home: return "cursor to the start"
        case .end: return "cursor to the end"
        case .deleteToStart: return "delete to the start"
        case .deleteToEnd: return "delete to the end"
        case .deleteWordBackward: return "delete the word before the cursor"
        case .complete: return "complete a command, table or column name; several matches are listed"
        case .older: return "what this prompt was given before"
        case .newer: return "back towards the line being typed"
        }
    }

    /// The help line with the other keys named: `cancel (also ctrl-c, ctrl-g)`.
    public var helpWithKeys: String {
        let more = keys.dropFirst().map(KeyName.display)
        return more.isEmpty ? help : help + " (also " + more.joined(separator: ", ") + ")"
    }
}

/// The prompt's key table: any other key types its character.
public enum PromptKeys {
    /// The edit bound to `key`; nil for a key that types itself.
    public static func edit(for key: String) -> PromptEdit? { table[key] }

    private static let table: [String: PromptEdit] = {
        var out: [String: PromptEdit] = [:]
        for e in PromptEdit.allCases { for k in e.keys where out[k] == nil { out[k] = e } }
        return out
    }()

    /// Keys given to more than one edit: empty when the table is sound.
    public static var conflicts: [String] {
        let keys = PromptEdit.allCases.flatMap(\.keys)
        return keys.filter { k in keys.filter { $0 == k }.count > 1 }
    }
}
