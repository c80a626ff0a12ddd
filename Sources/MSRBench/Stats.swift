/// Percentiles of a set of timings (seconds), as the report prints them.
struct Stats: Codable {
    var n: Int
    var p50: Double
    var p99: Double
    var max: Double
    var mean: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        n = sorted.count
        func at(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))]
        }
        p50 = at(0.5)
        p99 = at(0.99)
        max = sorted.last ?? .nan
        mean = sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
    }
}

/// SplitMix64: the benchmark's random times and keys, the same on every run.
struct BenchRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        return range.lowerBound + Int64(span == 0 ? next() : next() % span)
    }
}

/// Human units for the Markdown table.
enum Format {
    static func ms(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        let v = seconds * 1000
        if v >= 100 { return String(format: "%.0f ms", v) }
        if v >= 1 { return String(format: "%.1f ms", v) }
        return String(format: "%.3f ms", v)
    }

    static func count(_ n: Double) -> String {
        if n >= 1_000_000 { return String(format: "%.2fM", n / 1_000_000) }
        if n >= 1_000 { return String(format: "%.0fk", n / 1_000) }
        return String(format: "%.0f", n)
    }

    static func bytes(_ n: Int64) -> String {
        let d = Double(n)
        if d >= 1_073_741_824 { return String(format: "%.2f GiB", d / 1_073_741_824) }
        if d >= 1_048_576 { return String(format: "%.0f MiB", d / 1_048_576) }
        return String(format: "%.0f KiB", d / 1024)
    }

    static func ratio(_ a: Double, _ b: Double) -> String {
        guard a > 0, b > 0, a.isFinite, b.isFinite else { return "–" }
        let r = b / a
        if r < 1 { return String(format: "%.1f× slower", 1 / r) }
        return r >= 10 ? String(format: "%.0f× faster", r) : String(format: "%.1f× faster", r)
    }
}

import Foundation
