import Foundation
import MSRModel
import MSRStore

/// `msr ingest debezium`: reads Debezium NDJSON files, records every good line and refuses bad
/// ones without losing anything valid around them.
///
/// All input is decoded first, then ordered and written together, because lines of several
/// topics interleave out of commit order. Refused lines go to the reject file, each as a JSON
/// object naming the file, the line, the reason and the line itself.
public final class DebeziumIngest {
    let writer: RecordingWriter
    let rejectsPath: String
    private let decoder = DebeziumDecoder()
    /// Where each change's line came from, by origin: file index, line number, byte offset, length.
    private var origins: [(file: Int32, line: Int32, offset: Int64, length: Int32)] = []
    private var files: [String] = []
    private var spools: [Int: URL] = [:]

    public init(writer: RecordingWriter, rejectsPath: String) {
        self.writer = writer
        self.rejectsPath = rejectsPath
    }

    /// Ingests `paths` (`-` is standard input) into the writer's recording.
    public func run(paths: [String], progress: @escaping (IngestProgress) -> Void = { _ in }) throws -> IngestReport {
        var report = IngestReport()
        var changes: [SourceChange] = []
        var rejectLines: [(file: Int, offset: Int64, length: Int, reason: String, line: Int)] = []
        for (index, path) in paths.enumerated() {
            files.append(path == "-" ? "stdin" : path)
            let (handle, total, spool) = try open(path, index: index)
            defer { try? handle.close() }
            var lineNumber = 0
            var bytes: Int64 = 0
            var batch = LineBatch()
            // Decoded in batches on every core; taken in input order.
            func take() {
                for (line, outcome) in zip(batch.lines, batch.decode(with: decoder)) {
                    switch outcome {
                    case .change(var c):
                        c.origin = origins.count
                        origins.append((Int32(index), Int32(truncatingIfNeeded: line.number), line.offset, Int32(line.length)))
                        changes.append(c)
                    case .skipped(let reason):
                        report.skipped[reason.rawValue, default: 0] += 1
                    case .rejected(let reason):
                        rejectLines.append((index, line.offset, line.length, reason, line.number))
                    }
                }
                batch.removeAll()
            }
            let reader = LineReader(handle: handle)
            try reader.forEachLine { line, offset in
                lineNumber += 1
                report.lines += 1
                bytes = offset + Int64(line.count) + 1
                spool?.write(Data(buffer: line))
                spool?.write(Data([0x0A]))
                batch.append(line, number: lineNumber, offset: offset)
                if batch.count >= 20_000 {
                    take()
                    progress(.reading(bytes: bytes, total: total, lines: report.lines))
                }
                return true
            }
            take()
            try? spool?.close()
            progress(.reading(bytes: bytes, total: total, lines: report.lines))
        }

        let total = changes.count
        let w = try writer.write(changes) { done in progress(.writing(done: done, total: total)) }
        report.written = w.written
        report.duplicates = w.duplicates
        report.unseenRows = w.unseenRows
        report.rederived = w.rederived
        report.newTables = w.newTables
        for (origin, error) in w.rejected {
            let o = origins[origin]
            rejectLines.append((Int(o.file), o.offset, Int(o.length), error.description, Int(o.line)))
        }
        rejectLines.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        report.rejected = rejectLines.map { IngestRejection(file: files[$0.file], line: $0.line, reason: $0.reason) }
        try writeRejects(rejectLines)
        for url in spools.values { try? FileManager.default.removeItem(at: url) }
        return report
    }

    /// Opens an input; standard input is also copied to a spool file so refused lines can be
    /// read back for the reject file.
    private func open(_ path: String, index: Int) throws -> (FileHandle, Int64?, FileHandle?) {
        if path == "-" {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("msr-stdin-\(getpid())-\(index).ndjson")
            FileManager.default.createFile(atPath: url.path, contents: nil)
            spools[index] = url
            return (FileHandle.standardInput, nil, try FileHandle(forWritingTo: url))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.cannotRead(path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        return (handle, size, nil)
    }

    private func writeRejects(_ lines: [(file: Int, offset: Int64, length: Int, reason: String, line: Int)]) throws {
        try? FileManager.default.removeItem(atPath: rejectsPath)
        guard !lines.isEmpty else { return }
        FileManager.default.createFile(atPath: rejectsPath, contents: nil)
        guard let out = FileHandle(forWritingAtPath: rejectsPath) else { throw IngestError.cannotWrite(rejectsPath) }
        defer { try? out.close() }
        var readers: [Int: FileHandle] = [:]
        var text = ""
        for r in lines {
            let source = spools[r.file]?.path ?? files[r.file]
            if readers[r.file] == nil { readers[r.file] = FileHandle(forReadingAtPath: source) }
            var input = ""
            if let h = readers[r.file] {
                try? h.seek(toOffset: UInt64(r.offset))
                let data = h.readData(ofLength: r.length)
                input = String(decoding: data, as: UTF8.self)
            }
            text += "{\"file\":\(JSONText.quote(files[r.file])),\"line\":\(r.line),\"reason\":\(JSONText.quote(r.reason)),\"input\":\(JSONText.quote(input))}\n"
            if text.utf8.count > 1 << 20 { out.write(Data(text.utf8)); text = "" }
        }
        out.write(Data(text.utf8))
        for h in readers.values { try? h.close() }
    }
}

/// Input that cannot be read at all: fatal for an ingest.
public enum IngestError: Error, CustomStringConvertible {
    case cannotRead(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotRead(let p): return "Cannot read \(p); check that the file exists and is readable."
        case .cannotWrite(let p): return "Cannot write \(p); check the directory's permissions."
        }
    }
}
