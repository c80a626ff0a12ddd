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

    public func draw(into buffer: inout ScreenBuffer) {
        buffer.clear(style: theme[.gridText])
        let size = buffer.size
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            let lines = ["msr needs a terminal of at least", "\(Self.minimumSize.width)×\(Self.minimumSize.height); this one is \(size.width)×\(size.height).", "Enlarge it, or press q to quit."]
            for (i, line) in lines.enumerated() where i < size.height {
                _ = buffer.put(line, x: 0, y: i, style: theme[.error], maxWidth: size.width)
            }
            return
        }
        let areas = Self.areas(for: size)
        HeaderView(app: app, theme: theme).draw(into: &buffer, y: areas.header)
        if let layout = app.layout {
            for (id, rect) in layout.rects(in: areas.panes) {
                guard let pane = app.panes[id] else { continue }
                GridView(app: app, pane: pane, theme: theme, focused: id == app.focusedPaneID, now: now).draw(into: &buffer, area: rect)
            }
        }
        TimelineView(app: app, theme: theme, activity: activity, bookmarks: bookmarks).draw(into: &buffer, area: areas.timeline)
        HintLine(app: app, theme: theme).draw(into: &buffer, y: areas.bottom)
        if app.showsHelp {
            HelpOverlay(app: app, theme: theme).draw(into: &buffer, area: areas.panes)
        }
    }
}
