import Foundation
import MSRCapture
import MSRModel

/// Writes the exercise generator's changes as Debezium NDJSON, one Kafka record per line
/// (`{"key":{…},"value":{before, after, source, op, ts_ms}}`, JSON converter without schemas),
/// so `msr ingest debezium` can be timed on the same changes `msr generate` records.
enum DebeziumExport {
    /// Writes `events` changes of the default exercise to `path`; returns the file's size.
    @discardableResult
    static func write(events: Int, to path: String) throws -> Int64 {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { throw Spawn.Failure(description: "cannot write \(path)") }
        defer { try? handle.close() }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 21)
        var total: Int64 = 0
        var generator = ExerciseGenerator(config: ExerciseConfig(events: events))
        while let change = generator.next() {
            line(change, into: &out)
            if out.count >= 1 << 20 {
                try handle.write(contentsOf: Data(out))
                total += Int64(out.count)
                out.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: Data(out))
        return total + Int64(out.count)
    }

    static func line(_ c: SourceChange, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"key":"#.utf8)
        object(c.keyFields, into: &out)
        out.append(contentsOf: #","value":{"before":"#.utf8)
        object(c.before, into: &out)
        out.append(contentsOf: #","after":"#.utf8)
        object(c.after, into: &out)
        let ms = c.commitTime.micros / 1000
        out.append(contentsOf: #","source":{"version":"2.7.3.Final","connector":"postgresql","name":"exercise","ts_ms":"#.utf8)
        out.append(contentsOf: String(ms).utf8)
        out.append(contentsOf: #","ts_us":"#.utf8)
        out.append(contentsOf: String(c.commitTime.micros).utf8)
        out.append(contentsOf: #","snapshot":""#.utf8)
        out.append(contentsOf: (c.op == .read ? "true" : "false").utf8)
        out.append(contentsOf: #"","db":"exercise","schema":"#.utf8)
        JSONWriter.writeString(c.table.schema ?? "public", into: &out)
        out.append(contentsOf: #","table":"#.utf8)
        JSONWriter.writeString(c.table.name, into: &out)
        out.append(contentsOf: #","lsn":"#.utf8)
        out.append(contentsOf: String(c.position?.integer ?? 0).utf8)
        out.append(contentsOf: #"},"op":""#.utf8)
        out.append(contentsOf: String(c.op.code).utf8)
        out.append(contentsOf: #"","ts_ms":"#.utf8)
        out.append(contentsOf: String(ms + 40).utf8)
        out.append(contentsOf: "}}\n".utf8)
    }

    static func object(_ fields: [Field]?, into out: inout [UInt8]) {
        guard let fields else { out.append(contentsOf: "null".utf8); return }
        out.append(UInt8(ascii: "{"))
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(f.name, into: &out)
            out.append(UInt8(ascii: ":"))
            value(f.value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A cell as the JSON converter writes it; a non-finite double as its string, never null.
    static func value(_ v: Value, into out: inout [UInt8]) {
        JSONWriter.writeCell(v, into: &out)
    }
}
