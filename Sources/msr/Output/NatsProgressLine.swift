import Foundation
import MSRCapture

/// The live status of a capture on stderr: redrawn in place on a terminal a few times a
/// second, printed as a plain line every ten seconds otherwise (a log file, a service journal).
final class NatsProgressLine {
    private let enabled: Bool
    private let status = InPlaceLine()
    private var inPlace: Bool { status.inPlace }
    private let start = Date()
    private var lastDraw: Date?
    private var lastMessages = 0
    private var connected = true
    private var warnings = 0
    /// Refused messages shown one by one before only their count is.
    private let warningLimit = 20

    init(enabled: Bool) { self.enabled = enabled }

    /// A one-off message, such as what the capture resumed.
    func note(_ text: String) {
        guard enabled else { return }
        status.note("msr: \(text)")
    }

    /// A refused message; always shown, the first twenty in full.
    func warn(_ text: String) {
        warnings += 1
        if warnings <= warningLimit {
            status.note("msr: \(text)")
        } else if warnings == warningLimit + 1 {
            status.note("msr: … further rejected messages are only counted; see the reject file.")
        }
    }

    func show(_ report: NatsCaptureReport, status: String? = nil) {
        guard enabled else { return }
        if report.connected != connected {
            // Losing and regaining the server is news in any log, whatever the throttle.
            connected = report.connected
            self.status.note(connected ? "msr: connection re-established." : "msr: \(status ?? "connection lost"); reconnecting.")
        }
        let now = Date()
        let interval = now.timeIntervalSince(lastDraw ?? start)
        if lastDraw != nil {
            guard interval >= (inPlace ? 0.25 : 10) else { return }
        }
        // The rate since the last line: what the capture does now, not its lifetime average.
        let rate = Double(report.messages - lastMessages) / max(interval, 0.001)
        lastDraw = now
        lastMessages = report.messages
        self.status.draw(line(report, rate: rate, status: status))
    }

    /// Clears a line drawn in place, so the summary that follows stands alone.
    func finish() {
        guard enabled else { return }
        status.clear()
    }

    private func line(_ r: NatsCaptureReport, rate: Double, status: String?) -> String {
        var parts = ["\(r.messages) messages", "\(r.written) events", "\(ProgressMeter.humanRate(rate)) msg/s"]
        if r.duplicates > 0 { parts.append("\(r.duplicates) duplicates") }
        if r.rejected > 0 { parts.append("\(r.rejected) rejected") }
        parts.append("\(r.pending) pending")
        if let t = r.lastCommit { parts.append("at \(t.iso8601)") }
        if let status { parts.append(status) }
        return parts.joined(separator: " · ")
    }
}
