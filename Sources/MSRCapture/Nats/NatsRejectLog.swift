import Foundation
import MSRModel

/// The reject file of a NATS capture (`REC.msr.rejects.ndjson`): one JSON object per refused
/// message, with its subject, stream sequence, the reason and the message itself.
///
/// A capture appends, as a file ingest does: it runs for days, across restarts, and every
/// refusal stays on record. A run's first refusal is preceded by a header line of its own,
/// `{"run":TIME,"stream":S,"subject":SUBJECT}`. Lines are flushed to disk before the messages
/// are acknowledged, so a refused message is never lost; one refused just before a kill may be
/// listed twice, once per delivery.
final class NatsRejectLog {
    let path: String
    let stream: String
    let subject: String
    private let started = Date()
    private var file: AppendingFile?

    init(path: String, stream: String = "", subject: String = "") {
        self.path = path
        self.stream = stream
        self.subject = subject
    }

    /// Appends one line per rejection and syncs the file.
    func append(_ entries: [(rejection: NatsRejection, input: [UInt8])]) throws(NatsCaptureError) {
        guard !entries.isEmpty else { return }
        var text = ""
        if file == nil {
            let time = Timestamp(micros: Int64((started.timeIntervalSince1970 * 1_000_000).rounded()))
            text += "{\"run\":\(JSONText.quote(time.iso8601)),\"stream\":\(JSONText.quote(stream)),\"subject\":\(JSONText.quote(subject))}\n"
        }
        for (r, input) in entries {
            text += "{\"subject\":\(JSONText.quote(r.subject)),\"stream_sequence\":\(r.streamSequence),"
            text += "\"reason\":\(JSONText.quote(r.reason)),\"input\":\(JSONText.quote(String(decoding: input, as: UTF8.self)))}\n"
        }
        do {
            let out = try file ?? AppendingFile(path: path)
            file = out
            try out.write(Array(text.utf8))
            try out.synchronize()
        } catch {
            throw .cannotWriteRejects(path: path)
        }
    }
}
