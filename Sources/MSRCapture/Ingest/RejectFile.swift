import Foundation
import MSRModel

/// The reject file of an ingest: one JSON object per refused line, naming the input, the line,
/// the reason and the line itself, in input order.
///
/// Lines refused while decoding come with their place in the input; a change the writer
/// refuses comes back only with its origin (input and line number), so those lines are found
/// by reading their input again — only inputs that have such lines, only when there are any.
struct RejectFile {
    struct Entry {
        var input: Int
        var line: Int
        var reason: String
        /// Byte offset and length of the line, when known.
        var span: (offset: Int64, length: Int)?
    }

    let path: String

    /// Writes `entries` (replacing any earlier reject file; none when there are no entries).
    func write(_ entries: [Entry], inputs: [IngestInput]) throws(IngestError) {
        try? FileManager.default.removeItem(atPath: path)
        guard !entries.isEmpty else { return }
        let sorted = locate(entries.sorted { ($0.input, $0.line) < ($1.input, $1.line) }, inputs: inputs)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let out = FileHandle(forWritingAtPath: path) else { throw .cannotWrite(path) }
        defer { try? out.close() }
        var readers: [Int: FileHandle] = [:]
        var text = ""
        for r in sorted {
            if readers[r.input] == nil { readers[r.input] = FileHandle(forReadingAtPath: inputs[r.input].readBackPath) }
            var input = ""
            if let h = readers[r.input], let span = r.span {
                try? h.seek(toOffset: UInt64(span.offset))
                input = String(decoding: h.readData(ofLength: span.length), as: UTF8.self)
            }
            text += "{\"file\":\(JSONText.quote(inputs[r.input].name)),\"line\":\(r.line),\"reason\":\(JSONText.quote(r.reason)),\"input\":\(JSONText.quote(input))}\n"
            if text.utf8.count > 1 << 20 { out.write(Data(text.utf8)); text = "" }
        }
        out.write(Data(text.utf8))
        for h in readers.values { try? h.close() }
    }

    /// Fills in the spans of entries that lack one by reading their inputs again.
    private func locate(_ entries: [Entry], inputs: [IngestInput]) -> [Entry] {
        var out = entries
        let missing = Dictionary(grouping: out.indices.filter { out[$0].span == nil }, by: { out[$0].input })
        for (input, indexes) in missing {
            guard let handle = FileHandle(forReadingAtPath: inputs[input].readBackPath) else { continue }
            defer { try? handle.close() }
            var wanted: [Int: [Int]] = [:]
            for i in indexes { wanted[out[i].line, default: []].append(i) }
            let last = wanted.keys.max() ?? 0
            var number = 0
            LineReader(handle: handle).forEachLine { line, offset in
                number += 1
                for i in wanted[number] ?? [] { out[i].span = (offset, line.count) }
                return number < last
            }
        }
        return out
    }
}
