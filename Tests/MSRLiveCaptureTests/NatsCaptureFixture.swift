import Foundation
import MSRCapture
import MSREngine
import MSRModel
import MSRNats
import MSRStore
import MSRTestSupport
import XCTest

/// A nats-server with the sink's stream, a publisher on it, and checks of a recording against
/// the rows a workload should leave.
final class NatsCaptureFixture {
    static let stream = "DBZ"
    static let subject = "dbserver1.>"

    let server: NatsServer
    let dir = TemporaryDirectory("msr-natscap")
    private var publisher: NatsJetStream

    init() throws {
        server = try NatsServer()
        publisher = try NatsConnection(url: server.url).jetStream()
        try publisher.addStream(Self.stream, subjects: [Self.subject])
    }

    /// Stops the server and removes every file of the test; for a teardown block.
    func close() {
        server.shutdown()
        try? FileManager.default.removeItem(at: dir.url)
    }

    /// Publishes each body on its subject, retrying through a server restart; a retried publish
    /// may store the message twice, as a real sink's would.
    func publish(_ messages: [(subject: String, body: String)], timeout: TimeInterval = 20) throws {
        for m in messages {
            let deadline = Date().addingTimeInterval(timeout)
            while (try? publisher.publish(subject: m.subject, text: m.body)) == nil {
                guard Date() < deadline else {
                    throw NatsServerError("cannot publish to \(m.subject) for \(Int(timeout)) s: \(server.log.suffix(400))")
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    func publish(_ messages: [DebeziumSinkMessage]) throws {
        try publish(messages.map { ($0.subject, $0.body) })
    }

    /// The events in the recording so far; 0 while it does not exist yet.
    static func eventCount(_ path: String) -> Int64 {
        guard let store = try? SQLiteRecordingStore(openingAt: path) else { return 0 }
        defer { store.close() }
        return (try? store.summary().eventCount) ?? 0
    }

    /// Waits until the recording holds at least `count` events; false after `timeout`.
    static func waitForEvents(_ path: String, atLeast count: Int64, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if eventCount(path) >= count { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Every table of `expected` in the recording at `time` (the end when nil), row for row;
    /// null cells are left out on both sides.
    static func assertTables(_ path: String, equal expected: ExpectedTables, at time: Timestamp? = nil,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try Reconstructor(store: SQLiteRecordingStore(openingAt: path))
        let at = time ?? Timestamp(micros: Int64.max / 2)
        for (name, rows) in expected.tables {
            let schema = try r.summary.table(named: name)
            let state = try r.state(of: schema, at: at)
            guard let idColumn = schema.keyColumns.first else { return XCTFail("\(name) has no key", file: file, line: line) }
            let actual = rowsByKey(state.rows, columns: schema.columns, keyColumn: idColumn)
            let wanted = rows.mapValues { $0.filter { !$0.value.isNull } }
            XCTAssertEqual(actual.count, wanted.count, "\(name): row count", file: file, line: line)
            let wrong = wanted.filter { actual[$0.key] != $0.value }.map(\.key).sorted().prefix(5)
            XCTAssertTrue(wrong.isEmpty, "\(name): rows differ at keys \(Array(wrong)), e.g. \(wrong.first.map { "\(actual[$0] ?? [:]) vs \(wanted[$0] ?? [:])" } ?? "")", file: file, line: line)
        }
    }

    /// The rows of a table as key → (column name → value), null cells left out.
    static func rowsByKey(_ rows: RowTree, columns: [ColumnSchema], keyColumn: Int) -> [Value: [String: Value]] {
        var out: [Value: [String: Value]] = [:]
        for entry in rows {
            var cells: [String: Value] = [:]
            for (i, c) in columns.enumerated() where !entry.row[i].isNull { cells[c.name] = entry.row[i] }
            out[entry.row[keyColumn]] = cells
        }
        return out
    }

    /// Events in the recording, and how many share (table, key, position, op) with another.
    static func eventsAndRepeats(_ path: String) throws -> (events: Int, repeats: Int) {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let last = try store.summary().lastSeq
        guard last > 0 else { return (0, 0) }
        var seen = Set<String>()
        var repeats = 0
        for e in try store.events(in: 1...last, table: nil) {
            if !seen.insert("\(e.table)|\(e.key)|\(e.position ?? -1)|\(e.op.code)").inserted { repeats += 1 }
        }
        return (Int(last), repeats)
    }
}
