import MSREngine

/// The bottom-line prompt: typed text becomes a command on Enter.
extension ConsoleApp {
    public func typeIntoPrompt(_ character: Character) {
        guard var p = prompt else { return }
        // In the speed prompt, x as the first key closes the pane (x x).
        if p.kind == .speed && p.text.isEmpty && (character == "x" || character == "X") {
            prompt = nil
            closeFocusedPane()
            return
        }
        p.text.append(character)
        prompt = p
    }

    public func deleteInPrompt() {
        guard var p = prompt, !p.text.isEmpty else { return }
        p.text.removeLast()
        prompt = p
    }

    public func cancelPrompt() { prompt = nil }

    /// Turns the prompt's text into its command and performs it.
    public func submitPrompt() {
        guard let p = prompt else { return }
        prompt = nil
        let text = p.text.trimmingCharacters(in: .whitespaces)
        let command: ConsoleCommand?
        switch p.kind {
        case .goTo: command = text.isEmpty ? nil : .goTo(text)
        case .speed:
            if text.isEmpty { command = nil } else if let s = PlaybackSpeed(typed: text) { command = .setSpeed(s) } else {
                say("'\(text)' is not a speed; type a number such as 25 or 0.5, or max.", error: true)
                return
            }
        case .bookmark: command = .bookmark(text)
        case .filter: command = text.isEmpty ? .clearFilter : .filter(text)
        case .sort: command = .sort(text.isEmpty ? "key" : text)
        case .table: command = text.isEmpty ? nil : .chooseTable(text)
        case .link: command = .link(text)
        case .open: command = text.isEmpty ? nil : .open(text)
        case .export: command = .export(text.isEmpty ? "csv" : text)
        case .breakpoint: command = text.isEmpty ? .clearBreakpoint : .breakpoint(text)
        case .command:
            do {
                command = text.isEmpty ? nil : try CommandParser.parse(text)
            } catch {
                say(error)
                return
            }
        }
        if let command { perform(command) }
    }
}
