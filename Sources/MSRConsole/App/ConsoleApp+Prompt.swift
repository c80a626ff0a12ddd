import MSREngine

/// The bottom-line prompt: typed text becomes a command on Enter; each kind of prompt keeps
/// what was entered before, so Up brings back the last time or filter.
extension ConsoleApp {
    /// Entries kept per prompt.
    static let promptHistoryLimit = 50

    public func typeIntoPrompt(_ character: Character) {
        guard var p = prompt else { return }
        // In the speed prompt, x as the first key closes the pane (x x).
        if p.kind == .speed && p.text.isEmpty && (character == "x" || character == "X") {
            prompt = nil
            closeFocusedPane()
            return
        }
        p.insert(character)
        p.completions = []
        prompt = p
    }

    /// Applies an edit (cursor move, deletion) to the prompt's line.
    public func editPrompt(_ edit: (inout PromptState) -> Void) {
        guard var p = prompt else { return }
        edit(&p)
        p.completions = []
        prompt = p
    }

    /// Does what a key of the prompt's key table says.
    public func applyPromptEdit(_ edit: PromptEdit) {
        switch edit {
        case .submit: submitPrompt()
        case .cancel: cancelPrompt()
        case .deleteBackward: editPrompt { $0.deleteBackward() }
        case .deleteForward: editPrompt { $0.deleteForward() }
        case .left: editPrompt { $0.moveCursor(by: -1) }
        case .right: editPrompt { $0.moveCursor(by: 1) }
        case .home: editPrompt { $0.moveCursorHome() }
        case .end: editPrompt { $0.moveCursorEnd() }
        case .deleteToStart: editPrompt { $0.deleteToStart() }
        case .deleteToEnd: editPrompt { $0.deleteToEnd() }
        case .deleteWordBackward: editPrompt { $0.deleteWordBackward() }
        case .complete: completeInPrompt()
        case .older: recallInPrompt(older: true)
        case .newer: recallInPrompt(older: false)
        }
    }

    /// Tab: completes a command, table or column name (see `PromptCompletion`).
    public func completeInPrompt() {
        guard var p = prompt else { return }
        p.completions = PromptCompletion.complete(&p, pane: focusedPane)
        prompt = p
    }

    public func deleteInPrompt() { editPrompt { $0.deleteBackward() } }

    /// Up (`older` true) and Down through what this prompt was given before.
    public func recallInPrompt(older: Bool) {
        guard var p = prompt else { return }
        let entries = promptHistory[p.kind] ?? []
        guard !entries.isEmpty else { return }
        if older {
            let next = (p.historyIndex ?? -1) + 1
            guard next < entries.count else { return }
            if p.historyIndex == nil { p.draft = p.text }
            p.historyIndex = next
            p.replace(with: entries[entries.count - 1 - next])
        } else {
            guard let i = p.historyIndex else { return }
            if i == 0 {
                p.historyIndex = nil
                p.replace(with: p.draft)
            } else {
                p.historyIndex = i - 1
                p.replace(with: entries[entries.count - i])
            }
        }
        prompt = p
    }

    public func cancelPrompt() { prompt = nil }

    /// Turns the prompt's text into its command and performs it.
    public func submitPrompt() {
        guard let p = prompt else { return }
        prompt = nil
        let text = p.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            var entries = (promptHistory[p.kind] ?? []).filter { $0 != text }
            entries.append(text)
            promptHistory[p.kind] = Array(entries.suffix(Self.promptHistoryLimit))
        }
        // The text is the argument of the prompt's command (the command line names its
        // own), read by the same parser as scripts; an empty prompt does what its kind says.
        let command: ConsoleCommand?
        do {
            if let target = p.kind.target {
                command = try (text.isEmpty ? p.kind.whenEmpty : text).map { a throws(CommandError) in try CommandParser.command(target, argument: a) }
            } else {
                command = text.isEmpty ? nil : try CommandParser.parse(text)
            }
        } catch {
            say(error)
            return
        }
        if let command { perform(command) }
    }
}
