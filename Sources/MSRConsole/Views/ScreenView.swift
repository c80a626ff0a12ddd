import MSREngine
import MSRModel
import MSRStore
import MSRTerminal

/// The whole screen: header, panes in their layout, the timeline, the bottom line, and the
/// help overlay over them; or a clear message when the terminal is too small.
public struct ScreenView {
    public static let minimumSize = Size(width: 40, height: 12)

    let app: ConsoleApp
    let theme: Theme
    let now: Double
    let activity: [Int]
    let bookmarks: [Bookmark]

    /// Where things are on a screen of `size`.
    public struct Areas {
        public var header: Int
        public var panes: Rect
        public var timeline: Rect
        public var bottom: Int
    }

    public static func areas(for size: Size) -> Areas {
        Areas(header: 0, panes: Rect(x: 0, y: 1, width: size.width, height: size.height - 4),
              timeline: Rect(x: 0, y: size.height - 3, width: size.width, height: 2), bottom: size.height - 1)
    }

    /// The smallest pane worth drawing: a title, a header row and a few rows of a table.
    public static let minimumPane = Size(width: 24, height: 6)

    /// Where each pane is drawn. When the layout would make some pane smaller than
    /// `minimumPane` (a small terminal, many splits), only the focused pane is shown, over the
    /// whole area: one readable table beats four slivers, and Tab still moves between them.
    public static func paneRects(app: ConsoleApp, area: Rect) -> [Int: Rect] {
        guard let layout = app.layout else { return [:] }
        let rects = layout.rects(in: area)
        let cramped = rects.values.contains { $0.width < minimumPane.width || $0.height < minimumPane.height }
        guard cramped, rects.count > 1, rects[app.focusedPaneID] != nil else { return rects }
        return [app.focusedPaneID: area]
    }

    public func draw(into buffer: inout ScreenBuffer) {
        buffer.clear(style: theme[.gridText])
        let size = buffer.size
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            drawTooSmall(into: &buffer)
            return
        }
        let areas = Self.areas(for: size)
        HeaderView(app: app, theme: theme).draw(into: &buffer, y: areas.header)
        let rects = Self.paneRects(app: app, area: areas.panes)
        for (id, rect) in rects {
            guard let pane = app.panes[id] else { continue }
            GridView(app: app, pane: pane, theme: theme, focused: id == app.focusedPaneID, now: now,
                     hiddenPanes: rects.count == 1 ? (app.layout?.paneIDs.count ?? 1) - 1 : 0).draw(into: &buffer, area: rect)
        }
        TimelineView(app: app, theme: theme, activity: activity, bookmarks: bookmarks).draw(into: &buffer, area: areas.timeline)
        HintLine(app: app, theme: theme).draw(into: &buffer, y: areas.bottom)
        if app.showsHelp {
            HelpOverlay(app: app, theme: theme).draw(into: &buffer)
        }
    }

    /// What a terminal too small for the console shows: what it needs and what it is,
    /// wrapped and centred so even a tiny one shows the sizes.
    private func drawTooSmall(into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let need = "\(Self.minimumSize.width)×\(Self.minimumSize.height)"
        let text = "msr needs at least \(need); this terminal is \(size.width)×\(size.height). Enlarge it, or press q to quit."
        var lines = TextWrap.lines(text, width: size.width)
        if lines.count > size.height {
            // Keep the sizes, the part that says what to do.
            lines = TextWrap.lines("needs \(need), is \(size.width)×\(size.height)", width: size.width)
        }
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.prefix(size.height).enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            _ = buffer.put(line, x: x, y: top + i, style: theme[.warning], maxWidth: size.width - x)
        }
    }
}
