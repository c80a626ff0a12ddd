import Foundation

/// Everything one run measured, written as JSON and as the Markdown table.
struct BenchReport: Codable {
    struct Machine: Codable {
        var host: String
        var cpus: Int
        var cpuModel: String
        var memory: Int64
        var os: String
        var postgres: String
        var sqlite: String
        var swift: String
    }

    struct SizeRun: Codable {
        var events: Int
        var table: String
        var tableRows: Int
        var tableEvents: Int
        var generateSeconds: Double
        var recordingBytes: Int64
        var seeks: [SeekResult] = []
        var loadSeconds: [String: Double] = [:]
        var playback: [PlaybackResult] = []
        var openSeconds: Double = .nan
        var openMaxRSS: Int64 = 0
    }

    struct TableRun: Codable {
        var rows: Int
        var liveRows: Int
        var events: Int
        var seek: SeekResult
    }

    struct Ingest: Codable {
        var events: Int
        var ndjsonBytes: Int64
        var catSeconds: Double
        var ingestSeconds: Double
        var ingestMaxRSS: Int64
        var psqlCopySeconds: Double?
        var recordingBytes: Int64
    }

    var started: String
    var seconds: Double = 0
    var quick: Bool
    var machine: Machine
    var sizes: [SizeRun] = []
    var tables: [TableRun] = []
    var ingest: Ingest?

    func markdown() -> String {
        var md = "## msr benchmark — \(started)\(quick ? " (quick smoke run; figures are not meaningful)" : "")\n\n"
        md += "Machine: \(machine.cpus) × \(machine.cpuModel), \(Format.bytes(machine.memory)) RAM, \(machine.os); "
        md += "PostgreSQL \(machine.postgres), SQLite \(machine.sqlite), \(machine.swift). Run took \(Int(seconds)) s.\n\n"
        md += "### Seek: a 60-row window of the biggest table at a random time (cold p99 / warm p50 · p99 · max)\n\n"
        md += "| events | table (rows, events) | contender | cold p99 | warm p50 | warm p99 | warm max | n (cold/warm) | msr p99 vs it |\n"
        md += "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        for s in sizes {
            let msr = s.seeks.first { $0.contender == "msr" }
            for r in s.seeks {
                let vs = r.contender == "msr" ? "—" : Format.ratio(msr?.warm.p99 ?? .nan, r.warm.p99)
                let bad = r.disagreements > 0 ? " ⚠ \(r.disagreements) differ" : ""
                md += "| \(Format.count(Double(s.events))) | \(s.table) (\(Format.count(Double(s.tableRows))), \(Format.count(Double(s.tableEvents)))) | \(r.contender)\(bad) | \(Format.ms(r.cold.p99)) | \(Format.ms(r.warm.p50)) | \(Format.ms(r.warm.p99)) | \(Format.ms(r.warm.max)) | \(r.cold.n)/\(r.warm.n) | \(vs) |\n"
            }
        }
        md += "\n### Scaling: msr seek p99 (cold / warm)\n\n| recording | table rows | events | cold p99 | warm p99 |\n| --- | --- | --- | --- | --- |\n"
        for s in sizes {
            if let m = s.seeks.first(where: { $0.contender == "msr" }) {
                md += "| exercise \(Format.count(Double(s.events))) | \(Format.count(Double(s.tableRows))) (\(s.table)) | \(Format.count(Double(s.events))) | \(Format.ms(m.cold.p99)) | \(Format.ms(m.warm.p99)) |\n"
            }
        }
        for t in tables {
            md += "| synthetic big table | \(Format.count(Double(t.liveRows))) | \(Format.count(Double(t.events))) | \(Format.ms(t.seek.cold.p99)) | \(Format.ms(t.seek.warm.p99)) |\n"
        }
        md += "\n### Playback: four 200x60 panes, in-memory surface, 30 ticks/s\n\n| events | speed | frame p50 | frame p99 | frames/s possible | dry ticks (steady) |\n| --- | --- | --- | --- | --- | --- |\n"
        for s in sizes {
            for p in s.playback {
                md += "| \(Format.count(Double(s.events))) | \(p.speed) | \(Format.ms(p.frame.p50)) | \(Format.ms(p.frame.p99)) | \(String(format: "%.0f", p.framesPerSecond)) | \(p.dryTicks) of \(p.servedTicks) |\n"
            }
        }
        md += "\n### Open, generate and size\n\n| events | open to first frame | peak RSS | msr generate | recording | bytes/event |\n| --- | --- | --- | --- | --- | --- |\n"
        for s in sizes {
            md += "| \(Format.count(Double(s.events))) | \(Format.ms(s.openSeconds)) | \(Format.bytes(s.openMaxRSS)) | \(Format.count(Double(s.events) / s.generateSeconds)) events/s | \(Format.bytes(s.recordingBytes)) | \(String(format: "%.0f", Double(s.recordingBytes) / Double(s.events))) |\n"
        }
        if let i = ingest {
            let n = Double(i.events)
            md += "\n### Ingest: \(Format.count(n)) Debezium NDJSON lines (\(Format.bytes(i.ndjsonBytes)))\n\n| what | time | events/s |\n| --- | --- | --- |\n"
            md += "| `cat FILE > /dev/null` (floor) | \(Format.ms(i.catSeconds)) | \(Format.count(n / i.catSeconds)) |\n"
            md += "| `msr ingest debezium` | \(Format.ms(i.ingestSeconds)) | \(Format.count(n / i.ingestSeconds)) |\n"
            if let p = i.psqlCopySeconds { md += "| `psql \\copy` into a jsonb table | \(Format.ms(p)) | \(Format.count(n / p)) |\n" }
            md += "\nRecording from it: \(Format.bytes(i.recordingBytes)), \(String(format: "%.0f", Double(i.recordingBytes) / n)) bytes/event, "
            md += String(format: "%.1f %%", 100 * Double(i.recordingBytes) / Double(i.ndjsonBytes)) + " of the NDJSON; ingest peak RSS \(Format.bytes(i.ingestMaxRSS)).\n"
        }
        return md
    }
}
