import Foundation
import MSRConsole
import MSREngine
import MSRModel
import MSRStore
import MSRTerminal

/// Frame times of the console playing a recording: four panes of 200x60 on the in-memory
/// surface, the shared clock advanced 1/30 s per frame, each frame paced to real time so the
/// prefetching feeds get the time they would get on a terminal.
struct PlaybackResult: Codable {
    var speed: String
    var frame: Stats
    /// CPU time the render thread spent on each frame: on a busy machine the wall time also
    /// holds the time it waited for a core (the feeds' workers, other processes).
    var frameCPU: Stats
    /// Frames per second the loop could sustain: 1 / mean frame time.
    var framesPerSecond: Double
    /// Ticks during playback whose frame was not buffered yet, after the first three, of all.
    var dryTicks: Int
    var servedTicks: Int
}

enum PlaybackBench {
    static let tick = 1.0 / 30

    static func run(path: String, speeds: [Double], frames: Int) throws -> [PlaybackResult] {
        try speeds.map { speed in try play(path: path, speed: speed, frames: frames) }
    }

    static func play(path: String, speed: Double, frames: Int) throws -> PlaybackResult {
        let handle = try RecordingHandle(
            path: path,
            openStore: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path) },
            openWritable: { () throws(RecordingError) -> RecordingStore in try SQLiteRecordingStore(openingAt: path) })
        let clock = ManualClock()
        var options = ConsoleOptions()
        options.defaultPanes = 4
        let app = try ConsoleApp(recording: handle, clock: clock, options: options)
        // Four panes of 200x60, plus the header, timeline and hint lines around them.
        let surface = InMemorySurface(width: 400, height: 126)
        let runner = ConsoleRunner(app: app, surface: surface, input: QueuedInput(), theme: ThemeLoader().load(nil).theme)
        // The busy middle of the exercise at 1x and 60x; the whole of it at 1000x.
        app.perform(.jumpToFraction(speed >= 1000 ? 0.02 : 0.45))
        app.perform(.setSpeed(.rate(speed)))
        settle(app, runner)
        app.perform(.play)
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var dryBase = 0, servedBase = 0
        for f in 0..<frames {
            if f == 3 {
                dryBase = app.panes.values.reduce(0) { $0 + $1.feed.dryTicks }
                servedBase = app.panes.values.reduce(0) { $0 + $1.feed.servedTicks }
            }
            clock.advance(by: tick)
            let start = Clock.now
            let cpuStart = threadCPUTime()
            app.tick()
            runner.render()
            let spent = Clock.now - start
            times.append(spent)
            cpuTimes.append(threadCPUTime() - cpuStart)
            if spent < tick { Thread.sleep(forTimeInterval: tick - spent) }
        }
        let dry = app.panes.values.reduce(0) { $0 + $1.feed.dryTicks } - dryBase
        let served = app.panes.values.reduce(0) { $0 + $1.feed.servedTicks } - servedBase
        let stats = Stats(times)
        return PlaybackResult(speed: "\(Int(speed))x", frame: stats, frameCPU: Stats(cpuTimes), framesPerSecond: 1 / stats.mean,
                              dryTicks: dry, servedTicks: served)
    }

    /// Seconds of CPU the calling thread has used.
    static func threadCPUTime() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Ticks until every pane shows the frame at its position (at most 10 s), then draws.
    static func settle(_ app: ConsoleApp, _ runner: ConsoleRunner) {
        app.settle(timeout: 10)
        runner.render()
    }
}
