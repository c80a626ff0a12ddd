import MSREngine
import MSRTerminal

/// Keys and clicks: the prompt and the help overlay take keys first, then the key table.
extension ConsoleRunner {
    func handleKey(_ press: KeyPress) {
        let name = KeyName.of(press)
        if app.confirmation != nil { return app.answer(yes: name == "y" || name == "Y") }
        if app.prompt != nil { return handlePromptKey(press, name: name) }
        if name == "esc", app.exportJob != nil { return app.stopExport() }
        if app.showsHelp { return handleHelpKey(name) }
        if let c = KeyBindings.command(for: name, in: .normal) {
            app.perform(c)
        } else if name != "esc" {
            app.say("\(KeyName.display(name)) does nothing here; ? lists the keys.")
        }
    }

    /// Line editing, as in a shell, from the prompt's key table (`PromptKeys`); any other
    /// key without Ctrl types its character.
    private func handlePromptKey(_ press: KeyPress, name: String) {
        if let edit = PromptKeys.edit(for: name) {
            app.applyPromptEdit(edit)
        } else if case .character(let c) = press.key, !press.modifiers.contains(.control) {
            app.typeIntoPrompt(c)
        }
    }

    /// Scrolling stays inside the help's lines for this screen, so Up works at once however
    /// often Down was pressed.
    private func handleHelpKey(_ name: String) {
        guard let c = KeyBindings.command(for: name, in: .help) else { return }
        switch c {
        case .scrollUp(let n): scrollHelp(by: -n)
        case .scrollDown(let n): scrollHelp(by: n)
        case .top: scrollHelp(by: -Int.max / 2)
        case .bottom: scrollHelp(by: Int.max / 2)
        default: app.perform(c)
        }
    }

    private func scrollHelp(by delta: Int) {
        let last = HelpOverlay.maxScroll(screen: surface.size)
        app.helpScroll = min(last, max(0, min(app.helpScroll, last) + delta))
    }

    func handleMouse(_ m: MouseEvent) {
        guard app.mouseEnabled else { return }
        let areas = ScreenView.areas(for: surface.size)
        let onTimeline = areas.timeline.contains(m.point)
        switch m.action {
        case .press(.left) where onTimeline, .drag(.left) where onTimeline || dragging:
            dragging = true
            if let s = app.focusedSession {
                app.liveSessions.remove(s.id)
                app.quietPanes(of: s.id)
                // A click on a bookmark's ▼ goes to the bookmark itself, not to the column's time.
                let strip = Rect(x: areas.timeline.x + 1, y: areas.timeline.y, width: areas.timeline.width - 2, height: 1)
                let mark = bookmarks(app.clock.now).first {
                    TimelineView.column(of: $0.time, timeline: s.timeline, x0: strip.x, width: strip.width) == m.x
                }
                try? s.seek(to: mark?.time ?? TimelineView.time(atColumn: m.x, area: areas.timeline, timeline: s.timeline))
            }
        case .release:
            dragging = false
        case .press(.left):
            if let (id, _) = ScreenView.paneRects(app: app, area: areas.panes).first(where: { $0.value.contains(m.point) }) {
                app.focusedPaneID = id
            }
        case .scrollUp: if app.showsHelp { scrollHelp(by: -3) } else { app.perform(.scrollUp(3)) }
        case .scrollDown: if app.showsHelp { scrollHelp(by: 3) } else { app.perform(.scrollDown(3)) }
        default: break
        }
    }
}
