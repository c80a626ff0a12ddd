import Foundation
import MSRModel
import MSRStore

// msr-bench: msr against the as-of queries a user would otherwise write, on the same data in
// one run (BENCHMARKS.md says how to read it). Starts and stops its own PostgreSQL.


func log(_ text: String) {
    FileHandle.standardError.write(Data("msr-bench: \(text)\n".utf8))
}

func fileSize(_ path: String) -> Int64 {
    ["", "-wal"].reduce(Int64(0)) { total, suffix in
        total + (((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? NSNumber)?.int64Value ?? 0)
    }
}

func machine(postgres: String) -> BenchReport.Machine {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    let swift = (try? Spawn.run("/usr/bin/env", ["swift", "--version"]).output)?
        .split(separator: "\n").first.map(String.init) ?? "swift ?"
    let sqlite = (try? SQLiteDatabase(path: ":memory:").query("SELECT sqlite_version()").first?.first?.description) ?? "?"
    return BenchReport.Machine(host: ProcessInfo.processInfo.hostName, cpus: ProcessInfo.processInfo.activeProcessorCount,
                               cpuModel: model, memory: Int64(ProcessInfo.processInfo.physicalMemory),
                               os: ProcessInfo.processInfo.operatingSystemVersionString, postgres: postgres,
                               sqlite: sqlite ?? "?", swift: swift)
}

/// Generates the exercise, or with `reuse` takes the one a kept work directory already holds
/// (with the generation time recorded beside it).
func generate(_ size: Int, into rec: String, reuse: Bool, msr: String) throws -> Spawn.Outcome {
    let timing = rec + ".generate-seconds"
    if reuse, FileManager.default.fileExists(atPath: rec),
       let text = try? String(contentsOfFile: timing, encoding: .utf8),
       let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
        log("reusing \(rec)")
        return Spawn.Outcome(status: 0, seconds: seconds, maxRSS: 0, output: "")
    }
    log("generating \(size) events")
    let gen = try Spawn.run(msr, ["generate", "--events", "\(size)", "--out", rec, "--quiet", "--force"])
    try? String(gen.seconds).write(toFile: timing, atomically: true, encoding: .utf8)
    return gen
}

func runBench() throws {
    let o = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    let runStart = Clock.now
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    // Ingest: the 1M exercise (or the nearest size run) as Debezium NDJSON.
    let ingestSize = o.sizes.contains(1_000_000) ? 1_000_000 : (o.sizes.filter { $0 <= 1_000_000 }.max() ?? o.sizes.min() ?? 100_000)
    let work = try WorkDirectory(path: o.work, keep: o.keepWork)
    defer { work.finish() }
    try work.claim(o.sizes.flatMap { ["exercise-\($0).msr", "events-\($0).sqlite"] } + o.tableRows.map { "big-\($0).msr" }
                   + ["first-frame.script", "exercise-\(ingestSize).ndjson", "ingested.msr"])
    try FileManager.default.createDirectory(atPath: o.results, withIntermediateDirectories: true)
    guard FileManager.default.isExecutableFile(atPath: o.msrBinary) else {
        throw Spawn.Failure(description: "no msr binary at \(o.msrBinary); build it (make bench does) or pass --msr")
    }

    var postgres: BenchPostgres?
    if !o.skipPostgres && (o.sections.contains("contenders") || o.sections.contains("ingest")) {
        if BenchPostgres.isInstalled {
            log("starting PostgreSQL")
            postgres = try BenchPostgres()
        } else {
            log("PostgreSQL 15 is not installed (make deps); its contenders are skipped")
        }
    }
    defer { postgres?.stop() }
    var report = BenchReport(started: stamp, quick: o.quick, machine: machine(postgres: postgres?.version() ?? "not run"))

    for size in o.sizes {
        let rec = work.file("exercise-\(size).msr")
        let gen = try generate(size, into: rec, reuse: o.keepWork, msr: o.msrBinary)
        let (table, rows, summary) = try SeekBench.biggestTable(path: rec)
        let events = try ContenderLoader.events(path: rec, table: table)
        var run = BenchReport.SizeRun(events: size, table: table.name.name, tableRows: rows, tableEvents: events.count,
                                      generateSeconds: gen.seconds, recordingBytes: fileSize(rec))
        let keys = events.map(ContenderLoader.key)
        let questions = SeekQuestions(count: o.seeks, first: summary.firstCommit ?? Timestamp(micros: 0),
                                      last: summary.lastCommit ?? Timestamp(micros: 0),
                                      keys: (keys.min() ?? 0)...(keys.max() ?? 0), seed: UInt64(size))
        log("seek: msr on \(table.name.name) (\(rows) rows, \(events.count) events)")
        let (msr, reference) = try SeekBench.measure("msr", questions: questions, budget: o.seekBudget, reference: nil) {
            try MSRSeekContender(path: rec, table: table)
        }
        run.seeks.append(msr)
        if let pg = postgres, o.sections.contains("contenders") {
            log("loading PostgreSQL")
            run.loadSeconds["postgres"] = try ContenderLoader.loadPostgres(pg, events: events, table: table)
            log("seek: PostgreSQL event table")
            run.seeks.append(try SeekBench.measure("PostgreSQL event table (DISTINCT ON)", questions: questions, budget: o.seekBudget,
                                                   reference: reference) { try PostgresEventContender(pg) }.0)
            log("seek: PostgreSQL history table")
            run.seeks.append(try SeekBench.measure("PostgreSQL history table (tstzrange @>)", questions: questions, budget: o.seekBudget,
                                                   reference: reference) { try PostgresHistoryContender(pg) }.0)
        }
        let sqlitePath = work.file("events-\(size).sqlite")
        if o.sections.contains("contenders") {
            log("loading SQLite")
            run.loadSeconds["sqlite"] = try ContenderLoader.loadSQLite(path: sqlitePath, events: events, table: table)
            log("seek: SQLite window function")
            run.seeks.append(try SeekBench.measure("SQLite window function", questions: questions, budget: o.seekBudget,
                                                   reference: reference) { try SQLiteWindowContender(path: sqlitePath) }.0)
        }
        if o.sections.contains("playback") {
            log("playback")
            run.playback = try PlaybackBench.run(path: rec, speeds: [1, 60, 1000], frames: o.frames)
        }
        if o.sections.contains("open") {
        log("open")
        let script = work.file("first-frame.script")
        try "snapshot first\n".write(toFile: script, atomically: true, encoding: .utf8)
        let open = try Spawn.run(o.msrBinary, ["open", rec, "--script", script, "--headless", "--size", "400x126"])
        run.openSeconds = open.seconds
        run.openMaxRSS = open.maxRSS
        }
        report.sizes.append(run)
        OwnFile.remove(sqlitePath)
    }

    for rows in o.tableRows where o.sections.contains("tables") {
        let rec = work.file("big-\(rows).msr")
        log("table scaling: \(rows) rows")
        let events = try BigTable.write(rows: rows, to: rec)
        let (table, live, summary) = try SeekBench.biggestTable(path: rec)
        let questions = SeekQuestions(count: o.seeks, first: summary.firstCommit ?? Timestamp(micros: 0),
                                      last: summary.lastCommit ?? Timestamp(micros: 0), keys: 1...Int64(rows), seed: UInt64(rows))
        let (seek, _) = try SeekBench.measure("msr", questions: questions, budget: o.seekBudget, reference: nil) {
            try MSRSeekContender(path: rec, table: table)
        }
        report.tables.append(BenchReport.TableRun(rows: rows, liveRows: live, events: events, seek: seek))
        OwnFile.removeDatabase(rec)
    }

    if o.sections.contains("ingest") {
    let ndjson = work.file("exercise-\(ingestSize).ndjson")
    log("writing \(ingestSize) Debezium lines")
    let ndjsonBytes = try DebeziumExport.write(events: ingestSize, to: ndjson)
    let cat = try Spawn.run("/bin/cat", [ndjson], stdout: "/dev/null")
    log("ingest")
    let into = work.file("ingested.msr")
    // A kept work directory holds the last run's: ingesting into it would only skip duplicates.
    OwnFile.removeDatabase(into)
    OwnFile.remove(into + ".rejects.ndjson")
    let ingest = try Spawn.run(o.msrBinary, ["ingest", "debezium", ndjson, "--into", into, "--quiet"])
    var copySeconds: Double?
    if let pg = postgres {
        log("psql \\copy")
        try pg.connect().execute("SET client_min_messages = warning; DROP TABLE IF EXISTS raw; CREATE TABLE raw (doc jsonb)")
        copySeconds = try pg.psql(["-c", "\\copy raw(doc) FROM '\(ndjson)' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"]).seconds
    }
    report.ingest = BenchReport.Ingest(events: ingestSize, ndjsonBytes: ndjsonBytes, catSeconds: cat.seconds,
                                       ingestSeconds: ingest.seconds, ingestMaxRSS: ingest.maxRSS,
                                       psqlCopySeconds: copySeconds, recordingBytes: fileSize(into))
    }

    report.seconds = Clock.now - runStart
    let markdown = report.markdown()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let base = try ResultFiles.write(json: encoder.encode(report), markdown: Data(markdown.utf8),
                                     in: o.results, named: stamp + (o.quick ? "-quick" : ""))
    print(markdown)
    log("wrote \(base).md and \(base).json")
}

do {
    try runBench()
} catch {
    log("\(error)")
    exit(1)
}
