import Foundation
import MSRCapture
import MSRStore
import MSRTestSupport

/// Writes each list of lines to its own NDJSON file in `dir` and ingests them all into a new
/// recording at `path`, as `msr ingest debezium FILE…` would.
func ingestFiles(_ files: [[String]], into path: String, dir: TemporaryDirectory, keyframeInterval: Int,
                 keys: [String: [String]] = [:], batchLines: Int = 20_000, lateLimit: Int = 200_000) throws -> IngestReport {
    var paths: [String] = []
    for (i, lines) in files.enumerated() {
        let p = dir.path("in\(i)-\(UUID().uuidString.prefix(6)).ndjson")
        try (lines.joined(separator: "\n") + "\n").write(toFile: p, atomically: true, encoding: .utf8)
        paths.append(p)
    }
    let store = try SQLiteRecordingStore(creatingAt: path)
    defer { store.close() }
    let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: keyframeInterval, keyOverrides: keys))
    return try DebeziumIngest(writer: writer, rejectsPath: path + ".rejects.ndjson", batchLines: batchLines,
                              lateLimit: lateLimit).run(paths: paths)
}
