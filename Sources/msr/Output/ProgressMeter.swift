import Foundation
import MSRModel

/// Progress on stderr for long work: a bar redrawn in place on a terminal, a line every few
/// seconds otherwise.
final class ProgressMeter {
    let total: Int64
    let enabled: Bool
    let unit: String
    private let start = Date()
    private var lastDraw = Date(timeIntervalSince1970: 0)
    private let status = InPlaceLine()
    private var inPlace: Bool { status.inPlace }

    init(total: Int64, enabled: Bool, unit: String) {
        self.total = total
        self.enabled = enabled
        self.unit = unit
    }

    func update(done: Int64, detail: String = "") {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= (inPlace ? 0.1 : 2.0) else { return }
        lastDraw = now
        draw(done: done, detail: detail, final: false)
    }

    func finish(done: Int64, detail: String = "") {
        guard enabled else { return }
        draw(done: done, detail: detail, final: true)
    }

    private func draw(done: Int64, detail: String, final: Bool) {
        let elapsed = max(0.001, Date().timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\(bar) \(String(format: "%5.1f", fraction * 100))%  \(done)/\(total) \(unit)  \(Self.humanRate(rate)) \(unit)/s"
        if !detail.isEmpty { line += "  \(detail)" }
        status.draw(line)
        if final { status.keep() }
    }

    static func humanRate(_ r: Double) -> String {
        if r >= 1_000_000 { return String(format: "%.2fM", r / 1_000_000) }
        if r >= 1000 { return String(format: "%.1fk", r / 1000) }
        return String(format: "%.0f", r)
    }
}
