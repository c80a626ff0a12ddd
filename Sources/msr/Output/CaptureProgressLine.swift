import Foundation
import MSRCapture

/// A live capture's notes and progress on stderr: the progress line is redrawn in place on a
/// terminal, and written every few seconds otherwise; notes are printed above it.
final class CaptureProgressLine {
    private let enabled: Bool
    private let status = InPlaceLine()
    private var lastLine = Date(timeIntervalSince1970: 0)
    /// Seconds between progress lines when stderr is not a terminal.
    private let logInterval = 5.0

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ notice: CaptureNotice) {
        switch notice {
        case .note(let text):
            if enabled { write("msr: " + text) }
        case .warning(let text):
            write("msr: " + text)
        case .progress(let p):
            guard enabled else { return }
            let line = "msr: " + Self.describe(p)
            if status.inPlace || Date().timeIntervalSince(lastLine) >= logInterval {
                status.draw(line)
                lastLine = Date()
            }
        }
    }

    /// Ends the line drawn in place, so what follows starts on a line of its own.
    func finish() { status.clear() }

    private func write(_ line: String) { status.note(line) }

    static func describe(_ p: CaptureProgress) -> String {
        let seconds = p.lagSeconds.map { " / " + String(format: "%.1f", $0) + " s" } ?? ""
        return "\(p.events) events, \(ProgressMeter.humanRate(p.eventsPerSecond)) events/s, "
            + "lag \(bytes(p.lagBytes))\(seconds), confirmed \(p.confirmed)"
    }

    static func bytes(_ n: UInt64) -> String {
        if n >= 1 << 30 { return String(format: "%.1f GB", Double(n) / Double(1 << 30)) }
        if n >= 1 << 20 { return String(format: "%.1f MB", Double(n) / Double(1 << 20)) }
        if n >= 1 << 10 { return String(format: "%.1f kB", Double(n) / Double(1 << 10)) }
        return "\(n) B"
    }
}
