import Foundation
import MSRModel

/// The reject file of a NATS capture (`REC.msr.rejects.ndjson`): one JSON object per refused
/// message, with its subject, stream sequence, the reason and the message itself.
///
/// Unlike a file ingest, which rewrites the file for each run, a capture appends: it runs for
/// days, across restarts, and every refusal stays on record. Lines are flushed to disk before
/// the messages are acknowledged, so a refused message is never lost; one refused just before
/// a kill may be listed twice, once per delivery.
final class NatsRejectLog {
    let path: String
    private var handle: FileHandle?

    init(path: String) {
        self.path = path
    }

    deinit {
        try? handle?.close()
    }

    /// Appends one line per rejection and syncs the file.
    func append(_ entries: [(rejection: NatsRejection, input: [UInt8])]) throws(NatsCaptureError) {
        guard !entries.isEmpty else { return }
        var text = ""
        for (r, input) in entries {
            text += "{\"subject\":\(JSONText.quote(r.subject)),\"stream_sequence\":\(r.streamSequence),"
            text += "\"reason\":\(JSONText.quote(r.reason)),\"input\":\(JSONText.quote(String(decoding: input, as: UTF8.self)))}\n"
        }
        do {
            let out = try open()
            try out.write(contentsOf: Data(text.utf8))
            try out.synchronize()
        } catch {
            throw .cannotWriteRejects(path: path)
        }
    }

    private func open() throws -> FileHandle {
        if let handle { return handle }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw NatsCaptureError.cannotWriteRejects(path: path) }
        }
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seekToEnd()
        handle = h
        return h
    }
}
