import Foundation
import MSREngine
import MSRModel
import MSRStore
import MSRTerminal

/// The render loop: reads input, turns keys and clicks into commands, ticks the sessions and
/// draws the screen on a surface (ncurses, or in memory for tests and headless scripts).
public final class ConsoleRunner {
    public let app: ConsoleApp
    public let surface: Surface
    public let input: InputSource
    public let theme: Theme
    private var buffer: ScreenBuffer
    private var activityCache: (recording: ObjectIdentifier, width: Int, lastSeq: Int64, values: [Int])?
    private var bookmarkCache: (at: Double, revision: Int, values: [Bookmark])?
    /// Whether a drag that began on the timeline is going on (it seeks until released).
    var dragging = false
    /// Seconds a cached bookmark list is trusted: another process (`msr bookmark`) may add some.
    static let bookmarkRefresh = 1.0

    public init(app: ConsoleApp, surface: Surface, input: InputSource, theme: Theme) {
        self.app = app
        self.surface = surface
        self.input = input
        self.theme = theme
        buffer = ScreenBuffer(size: surface.size)
    }

    /// Runs until the user quits (or the input reports an interrupt).
    public func run() {
        render()
        while !app.shouldQuit { step() }
    }

    /// Events taken before a frame is drawn, at most: a paste of thousands of characters is
    /// drawn a few times rather than once per character.
    public static let maxEventsPerFrame = 4096

    /// One turn of the loop: waits for an event (a frame's time while playing), takes every
    /// event already waiting, then ticks and draws once.
    public func step() {
        let wait = app.isAnimating || app.prompt != nil ? Int(app.options.tickInterval * 1000) : 250
        handle(input.readEvent(timeoutMilliseconds: wait))
        var taken = 1
        while !app.shouldQuit && taken < Self.maxEventsPerFrame {
            let event = input.readEvent(timeoutMilliseconds: 0)
            if case .timeout = event { break }
            handle(event)
            taken += 1
        }
        app.tick()
        render()
    }

    /// One input event: a key, a click, a resize.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let press): handleKey(press)
        case .mouse(let m): handleMouse(m)
        case .resize: app.helpScroll = min(app.helpScroll, HelpOverlay.maxScroll(screen: surface.size))
        case .interrupt:
            app.wasInterrupted = true
            app.perform(.quit)
        case .timeout: break
        }
    }

    /// Wall seconds each `render` took, the latest last (at most 10,000 kept).
    public private(set) var frameTimes: [Double] = []

    /// Draws the screen and presents it (the surface writes only what changed).
    public func render() {
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            if frameTimes.count >= 10_000 { frameTimes.removeFirst(5_000) }
            frameTimes.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        if buffer.size != surface.size { buffer = ScreenBuffer(size: surface.size) }
        let now = app.clock.now
        ScreenView(app: app, theme: theme, now: now, activity: activity(width: surface.size.width - 2),
                   bookmarks: bookmarks(now)).draw(into: &buffer)
        surface.present(buffer)
    }

    private func activity(width: Int) -> [Int] {
        guard let s = app.focusedSession, width > 0 else { return [] }
        let id = ObjectIdentifier(s.timeline)
        // Recomputed only when the recording grew (a live capture), at most once a second.
        if let c = activityCache, c.recording == id, c.width == width, c.lastSeq == s.timeline.lastSeq { return c.values }
        let values = (try? s.timeline.store.activity(buckets: width)) ?? []
        activityCache = (id, width, s.timeline.lastSeq, values)
        return values
    }

    /// The focused recording's bookmarks: read again after one is added here, and every
    /// second for those added by others.
    func bookmarks(_ now: Double) -> [Bookmark] {
        if let c = bookmarkCache, now - c.at < Self.bookmarkRefresh, c.revision == app.bookmarkRevision { return c.values }
        let values = (try? app.focusedPane?.recording.timeline.store.bookmarks()) ?? []
        bookmarkCache = (now, app.bookmarkRevision, values)
        return values
    }
}
