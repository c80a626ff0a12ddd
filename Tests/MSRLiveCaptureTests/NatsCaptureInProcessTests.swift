import Foundation
@testable import MSRCapture
import MSRModel
import MSRNats
import MSRStore
import MSRTestSupport
import XCTest

/// `NatsCapture` run in the test process: throughput, resuming a durable consumer, and the
/// errors a user sees when the server, the stream or the consumer is not what they said.
final class NatsCaptureInProcessTests: XCTestCase {
    func options(_ f: NatsCaptureFixture, durable: String = "msr-test", subject: String = NatsCaptureFixture.subject) -> NatsCaptureOptions {
        var o = NatsCaptureOptions(server: f.server.url, stream: NatsCaptureFixture.stream, subject: subject, durable: durable)
        o.untilIdle = true
        o.ackWaitMs = 5_000
        return o
    }

    func capture(_ rec: String, _ options: NatsCaptureOptions) throws -> NatsCaptureReport {
        let store = try SQLiteRecordingStore(creatingAt: rec)
        defer { store.close() }
        try store.requireDurableCommits()
        let writer = try RecordingWriter(store: store)
        // A capture that never drains still ends, and the test fails on its counts.
        let stop = CaptureStopFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { stop.request() }
        return try NatsCapture(writer: writer, options: options, rejectsPath: rec + ".rejects.ndjson").run(stop: stop)
    }

    /// A backlog recorded in one go, then nothing again on a second run: the durable consumer
    /// resumes after its last acknowledgement. Prints the rate (no timed assertion).
    func testBacklogIsRecordedOnceAndResumed() throws {
        let f = try NatsCaptureFixture()
        addTeardownBlock { f.close() }
        let rec = f.dir.path("backlog.msr")
        let messages = NatsWorkload.exercise(events: 6_000, seed: 3)
        try f.publish(messages)

        let started = Date()
        let first = try capture(rec, options(f))
        let seconds = Date().timeIntervalSince(started)
        print("NATS capture (debug build): \(first.written) events in \(String(format: "%.2f", seconds)) s, \(Int(Double(first.written) / seconds)) events/s")
        XCTAssertEqual(first.messages, messages.count)
        XCTAssertEqual(first.written, messages.count)
        XCTAssertEqual(first.pending, 0)
        try NatsCaptureFixture.assertTables(rec, equal: ExpectedTables(messages.map(\.change)))

        let info = try NatsConnection(url: f.server.url).jetStream().consumerInfo(stream: NatsCaptureFixture.stream, durable: "msr-test")
        XCTAssertEqual(info?.pending, 0)
        XCTAssertEqual(info?.ackPending, 0, "every message acknowledged")

        let second = try capture(rec, options(f))
        XCTAssertEqual(second.messages, 0, "a restarted consumer resumes after its acknowledgements")
        XCTAssertEqual(NatsCaptureFixture.eventCount(rec), Int64(messages.count))
    }

    /// A batch whose events sort before those already recorded is merged into history; the
    /// events re-derived on the way are not new, and the written count is what was added.
    func testWrittenCountsEveryEventWhenLateEventsAreMerged() throws {
        let f = try NatsCaptureFixture()
        addTeardownBlock { f.close() }
        let rec = f.dir.path("late.msr")
        let messages = NatsWorkload.exercise(events: 600, seed: 5)
        // The later half first: the second batch holds the earlier events.
        try f.publish(Array(messages[300...]) + Array(messages[..<300]))
        var o = options(f)
        o.batchSize = 300
        let report = try capture(rec, o)
        XCTAssertGreaterThan(report.rederived, 0, "no late events were merged")
        XCTAssertEqual(report.messages, messages.count)
        XCTAssertEqual(Int64(report.written), NatsCaptureFixture.eventCount(rec))
        XCTAssertEqual(report.written, messages.count)
        try NatsCaptureFixture.assertTables(rec, equal: ExpectedTables(messages.map(\.change)))
    }

    /// Snapshot rows whose source time is 0 (MySQL's) are timed by the event's `ts_ms`, and the
    /// report counts them, as a file ingest's does; the CLI's summary says so.
    func testLinesTimedByTheEventAreCounted() throws {
        let f = try NatsCaptureFixture()
        addTeardownBlock { f.close() }
        let start = ExerciseConfig.defaultStart.micros / 1000
        func event(id: Int, sourceMs: Int64, eventMs: Int64) -> (subject: String, body: String) {
            ("dbserver1.inventory.customers",
             "{\"before\":null,\"after\":{\"id\":\(id)},\"source\":{\"connector\":\"mysql\",\"name\":\"dbserver1\",\"ts_ms\":\(sourceMs),"
             + "\"snapshot\":\"true\",\"db\":\"inventory\",\"table\":\"customers\",\"file\":\"mysql-bin.000003\",\"pos\":154,\"row\":0},"
             + "\"op\":\"r\",\"ts_ms\":\(eventMs)}")
        }
        try f.publish([event(id: 1, sourceMs: 0, eventMs: start + 10), event(id: 2, sourceMs: 0, eventMs: start + 20),
                       event(id: 3, sourceMs: start + 30, eventMs: start + 40)])
        let report = try capture(f.dir.path("timed.msr"), options(f))
        XCTAssertEqual(report.written, 3)
        XCTAssertEqual(report.timedByEvent, 2)

        let cli = try MSRBinary.run(["capture", "nats", "--server", f.server.url, "--stream", NatsCaptureFixture.stream,
                                     "--subject", NatsCaptureFixture.subject, "--into", f.dir.path("timed-cli.msr"), "--until-idle"])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertTrue(cli.stderr.contains("3 events recorded from 3 messages"), cli.stderr)
        XCTAssertTrue(cli.stderr.contains("; 2 timed by when Debezium read them (source.ts_ms missing or 0)"), cli.stderr)
    }

    func testStartUpErrorsSayWhatIsWrong() throws {
        let f = try NatsCaptureFixture()
        addTeardownBlock { f.close() }
        let rec = f.dir.path("errors.msr")

        var wrongStream = options(f)
        wrongStream.stream = "NOPE"
        XCTAssertThrowsError(try capture(rec, wrongStream)) { error in
            guard case NatsCaptureError.noStream(let stream, _)? = error as? NatsCaptureError else { return XCTFail("\(error)") }
            XCTAssertEqual(stream, "NOPE")
        }

        var nowhere = options(f)
        nowhere.server = "nats://127.0.0.1:\(try FreePort.find())"
        XCTAssertThrowsError(try capture(rec, nowhere)) { error in
            guard case NatsCaptureError.cannotConnect? = error as? NatsCaptureError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("check that nats-server runs there"), "\(error)")
        }

        let js = try NatsConnection(url: f.server.url).jetStream()
        try js.addPullConsumer(NatsPullConsumer(stream: NatsCaptureFixture.stream, durable: "units-only", filterSubject: "dbserver1.public.units"))
        XCTAssertThrowsError(try capture(rec, options(f, durable: "units-only"))) { error in
            guard case NatsCaptureError.consumerMismatch(_, _, let filter, _)? = error as? NatsCaptureError else { return XCTFail("\(error)") }
            XCTAssertEqual(filter, "dbserver1.public.units")
        }
    }

    func testDurableNamesComeFromTheRecording() {
        XCTAssertEqual(NatsCaptureOptions.durableName(forRecording: "/data/exercise.msr"), "msr-exercise")
        XCTAssertEqual(NatsCaptureOptions.durableName(forRecording: "ops 2026.03.msr"), "msr-ops_2026_03")
        XCTAssertTrue(NatsCaptureOptions.isValidDurableName("msr-ops_1"))
        XCTAssertFalse(NatsCaptureOptions.isValidDurableName("a.b"))
        XCTAssertFalse(NatsCaptureOptions.isValidDurableName("a b"))
    }
}
