import Foundation
@testable import MSRCapture
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// Transactions are recorded in PostgreSQL's commit order even when their commit times say
/// otherwise (racing commits are stamped before their commit records are written).
final class CommitOrderTests: XCTestCase {
    func testCommitsStampedOutOfOrderKeepTheirCommitOrder() throws {
        let dir = TemporaryDirectory("msr-order")
        let store = try SQLiteRecordingStore(creatingAt: dir.path("order.msr"))
        defer { store.close() }
        let capture = try PostgresCapture(options: PostgresCaptureOptions(dsn: "host=127.0.0.1", tables: ["t"], publication: "p", slot: "s"),
                                          store: store, writerOptions: WriterOptions(), stop: CaptureStopFlag()) { _ in }
        func transaction(_ lsn: UInt64, _ micros: Int64, key: Int64) -> CommittedTransaction {
            let change = SourceChange(table: TableName(schema: "public", name: "t"), op: .insert, commitTime: Timestamp(micros: micros),
                                      position: SourcePosition(Int64(lsn) - 8), keyFields: [Field("id", .int(key))], after: [Field("id", .int(key))])
            return CommittedTransaction(changes: [change], commitTime: Timestamp(micros: micros), commitLSN: LSN(lsn), endLSN: LSN(lsn + 8))
        }
        capture.enqueue(transaction(100, 5_000, key: 1))
        capture.enqueue(transaction(200, 4_000, key: 2))   // committed later, stamped earlier
        capture.enqueue(transaction(300, 4_000, key: 3))   // the same time as the one before
        XCTAssertEqual(capture.pending.map(\.commitTime.micros), [5_000, 5_001, 5_002])
        XCTAssertEqual(capture.pending.flatMap(\.changes).map(\.commitTime.micros), [5_000, 5_001, 5_002])
        try capture.writePending()
        let events = try store.events(in: 1...3, table: nil)
        XCTAssertEqual(events.map(\.key), [RowKey([.int(1)]), RowKey([.int(2)]), RowKey([.int(3)])])
    }
}
