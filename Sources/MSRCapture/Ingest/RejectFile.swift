import Foundation
import MSRModel

/// The reject file of an ingest: one JSON object per refused line, naming the input, the line,
/// the reason and the line itself, in input order.
///
/// Each run that refuses lines appends them after a header line of its own,
/// `{"run":TIME,"inputs":[…]}`, so the rejects of earlier runs are never lost; a run that
/// refuses nothing leaves the file as it is.
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
    /// When the run began, for its header line.
    var started = Date()

    /// Appends the run's header and `entries` (nothing when there are none). Throws, with the
    /// system's reason, when the file cannot be written: the recording is not affected.
    func append(_ entries: [Entry], inputs: [IngestInput]) throws(AppendingFileError) {
        guard !entries.isEmpty else { return }
        let sorted = locate(entries.sorted { ($0.input, $0.line) < ($1.input, $1.line) }, inputs: inputs)
        let out = try AppendingFile(path: path)
        defer { out.close() }
        var readers: [Int: FileHandle] = [:]
        defer { for h in readers.values { try? h.close() } }
        var text = header(inputs) + "\n"
        for r in sorted {
            if readers[r.input] == nil { readers[r.input] = FileHandle(forReadingAtPath: inputs[r.input].readBackPath) }
            var input = ""
            if let h = readers[r.input], let span = r.span {
                try? h.seek(toOffset: UInt64(span.offset))
                input = String(decoding: (try? h.read(upToCount: span.length)) ?? Data(), as: UTF8.self)
            }
            text += "{\"file\":\(JSONText.quote(inputs[r.input].name)),\"line\":\(r.line),\"reason\":\(JSONText.quote(r.reason)),\"input\":\(JSONText.quote(input))}\n"
            if text.utf8.count > 1 << 20 {
                try out.write(Array(text.utf8))
                text = ""
            }
        }
        try out.write(Array(text.utf8))
    }

    /// The line that opens a run's rejects: when it began and what it read.
    func header(_ inputs: [IngestInput]) -> String {
        let time = Timestamp(micros: Int64((started.timeIntervalSince1970 * 1_000_000).rounded()))
        return "{\"run\":\(JSONText.quote(time.iso8601)),\"inputs\":[\(inputs.map { JSONText.quote($0.name) }.joined(separator: ","))]}"
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
