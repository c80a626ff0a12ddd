import Foundation
import MSRCapture

/// The live status of a capture on stderr: redrawn in place on a terminal a few times a
/// second, printed as a plain line every ten seconds otherwise (a log file, a service journal).
final class NatsProgressLine {
    private let enabled: Bool
    private let inPlace = Terminal.stderrIsTerminal
    private let start = Date()
    private var lastDraw: Date?
    private var lastMessages = 0
    private var drawn = false
    private var connected = true
    private var warnings = 0
    /// Refused messages shown one by one before only their count is.
    private let warningLimit = 20

    init(enabled: Bool) { self.enabled = enabled }

    /// A one-off message, such as what the capture resumed.
    func note(_ text: String) {
        guard enabled else { return }
        write("msr: \(text)\n")
    }

    /// A refused message; always shown, the first twenty in full.
    func warn(_ text: String) {
        warnings += 1
        if warnings <= warningLimit {
            write("msr: \(text)\n")
        } else if warnings == warningLimit + 1 {
            write("msr: … further rejected messages are only counted; see the reject file.\n")
        }
    }

    func show(_ report: NatsCaptureReport, status: String? = nil) {
        guard enabled else { return }
        if report.connected != connected {
            // Losing and regaining the server is news in any log, whatever the throttle.
            connected = report.connected
            write(connected ? "msr: connection re-established.\n" : "msr: \(status ?? "connection lost"); reconnecting.\n")
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
        draw(line(report, rate: rate, status: status), final: false)
    }

    /// Clears a line drawn in place, so the summary that follows stands alone.
    func finish() {
        guard enabled, drawn, inPlace else { return }
        Terminal.standardError.write("\r\u{1B}[K")
        drawn = false
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

    private func draw(_ text: String, final: Bool) {
        drawn = true
        write(inPlace ? "\r\u{1B}[K" + text : text + "\n")
    }

    /// Writes a whole line, first clearing a progress line drawn in place.
    private func write(_ text: String) {
        if inPlace && drawn && text.hasSuffix("\n") && !text.hasPrefix("\r") {
            Terminal.standardError.write("\r\u{1B}[K" + text)
        } else {
            Terminal.standardError.write(text)
        }
    }
}
