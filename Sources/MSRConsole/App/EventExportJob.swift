import Foundation
import MSRModel
import MSRStore

/// Writes events to an export file on a queue of its own, a batch at a time, so the console
/// keeps drawing and memory holds one batch whatever the recording's size. The render loop
/// reads its progress each frame.
final class EventExportJob: @unchecked Sendable {
    enum Outcome: Equatable {
        case done(Int64)
        case failed(String)
        case cancelled
    }

    let path: String
    /// Events the query selects (the progress line's "of").
    let total: Int64
    private let lock = NSLock()
    private var writtenCount: Int64 = 0
    private var result: Outcome?
    private var isCancelled = false
    private let group = DispatchGroup()

    init(path: String, total: Int64) {
        self.path = path
        self.total = total
    }

    /// Events written so far, and the outcome once it is over.
    var progress: (written: Int64, outcome: Outcome?) {
        lock.withLock { (writtenCount, result) }
    }

    func cancel() { lock.withLock { isCancelled = true } }

    /// Waits until the job is over.
    func wait() { group.wait() }

    /// Whether a stop was asked for (the job sees it before its next batch).
    var cancelled: Bool { lock.withLock { isCancelled } }

    func start(file: ExportFile, openStore: @escaping @Sendable () throws(RecordingError) -> RecordingStore, query: EventQuery,
               tables: [TableID: TableSchema], values: ValueRendering, batchSize: Int,
               afterBatch: (@Sendable (Int64) -> Void)?) {
        group.enter()
        DispatchQueue.global(qos: .utility).async { [self] in
            defer { group.leave() }
            let outcome: Outcome
            do {
                // A connection of its own: the render thread's stays free.
                let store = try openStore()
                var q = query
                var written: Int64 = 0
                while !cancelled {
                    let batch = try store.events(matching: q, limit: batchSize)
                    guard let last = batch.last else { break }
                    var text = ""
                    for e in batch { text += JSONText.event(e, table: tables[e.table], values: values) }
                    try file.write(text)
                    written += Int64(batch.count)
                    lock.withLock { writtenCount = written }
                    q.afterSeq = last.seq
                    afterBatch?(written)
                }
                outcome = cancelled ? .cancelled : .done(written)
            } catch let e as CommandError {
                outcome = .failed(e.description)
            } catch {
                outcome = .failed("The export to \(path) stopped: \(error).")
            }
            // A file cut short by a failure or a cancel is not left looking like an export.
            if case .done = outcome { file.close() } else { file.remove() }
            lock.withLock { result = outcome }
        }
    }
}
