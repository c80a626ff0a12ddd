import Foundation
import MSRCapture
import MSRModel
import MSRTestSupport
import XCTest

/// `msr capture nats` against a real nats-server with JetStream: messages in Debezium Server's
/// sink format, published twice, out of order across subjects, bad ones among them, and the
/// capture stopped, killed and restarted — the recording must reconstruct exactly, with no
/// event twice.
final class NatsCaptureTests: XCTestCase {
    func captureArgs(_ f: NatsCaptureFixture, _ rec: String, _ extra: [String] = []) -> [String] {
        ["capture", "nats", "--server", f.server.url, "--stream", NatsCaptureFixture.stream,
         "--subject", NatsCaptureFixture.subject, "--into", rec, "--key", "public.codes=code",
         "--ack-wait", "2"] + extra
    }

    func testStopKillAndRestartReconstructExactly() throws {
        let f = try NatsCaptureFixture()
        addTeardownBlock { f.close() }
        let rec = f.dir.path("live.msr"), log = f.dir.path("capture.log")
        let messages = NatsWorkload.exercise(events: 4_000, seed: 7)

        // Run 1: the bad messages and the first part, stopped with SIGTERM mid-stream.
        try f.publish(NatsWorkload.badMessages + NatsWorkload.codes())
        try f.publish(NatsWorkload.interleaved(messages[0..<1_600]))
        let first = try MSRBinary.start(captureArgs(f, rec, ["--batch", "200"]), logTo: log)
        XCTAssertTrue(NatsCaptureFixture.waitForEvents(rec, atLeast: 800, timeout: 30), "no progress: \(Self.read(log))")
        kill(first.processIdentifier, SIGTERM)
        XCTAssertEqual(MSRBinary.wait(for: first, timeout: 15), 2, "refused messages make status 2: \(Self.read(log))")
        XCTAssertTrue(Self.read(log).contains("stopped on request"), Self.read(log))

        // Run 2: more published, the capture killed outright while it records.
        try f.publish(NatsWorkload.interleaved(messages[1_600..<2_800]))
        let before = NatsCaptureFixture.eventCount(rec)
        let second = try MSRBinary.start(captureArgs(f, rec, ["--batch", "50"]), logTo: log)
        XCTAssertTrue(NatsCaptureFixture.waitForEvents(rec, atLeast: before + 300, timeout: 30), Self.read(log))
        kill(second.processIdentifier, SIGKILL)
        second.waitUntilExit()

        // Run 3: the rest, plus early messages the sink sends again; runs until all is taken.
        try f.publish(NatsWorkload.interleaved(messages[2_800...]) + Array(messages[0..<150]))
        let third = try MSRBinary.start(captureArgs(f, rec, ["--until-idle"]), logTo: log)
        XCTAssertEqual(MSRBinary.wait(for: third, timeout: 60), 0, Self.read(log))

        let expected = ExpectedTables(messages.map(\.change))
        try NatsCaptureFixture.assertTables(rec, equal: expected)
        let middle = messages[2_000].change.commitTime
        try NatsCaptureFixture.assertTables(rec, equal: ExpectedTables(messages.map(\.change).filter { $0.commitTime <= middle }), at: middle)
        XCTAssertEqual(try Self.codeRows(rec), ["ALPHA": "advance", "BRAVO": "hold fire"])

        let (events, repeats) = try NatsCaptureFixture.eventsAndRepeats(rec)
        XCTAssertEqual(events, messages.count + NatsWorkload.codes().count, "every change once")
        XCTAssertEqual(repeats, 0, "no event twice")

        let file = Self.read(rec + ".rejects.ndjson").split(separator: "\n")
        XCTAssertTrue(file.first?.hasPrefix("{\"run\":") == true && file[0].contains("\"stream\":"), "a run's header first: \(file.first ?? "")")
        let rejects = file.filter { !$0.hasPrefix("{\"run\":") }
        XCTAssertEqual(rejects.count, 3, rejects.joined(separator: "\n"))
        XCTAssertTrue(rejects.allSatisfy { $0.contains("\"subject\":\"dbserver1.public.") && $0.contains("\"stream_sequence\":") })
        XCTAssertTrue(rejects[0].contains("not JSON") && rejects[0].contains("this is not json"), String(rejects[0]))
        XCTAssertTrue(rejects[1].contains("no source block"), String(rejects[1]))
        XCTAssertTrue(rejects[2].contains("notes"), String(rejects[2]))
    }

    /// The server goes away mid-capture and comes back on the same port and store: the capture
    /// reconnects by itself and records what was published after the restart.
    func testCaptureResumesAfterServerRestart() throws {
        let f = try NatsCaptureFixture()
        addTeardownBlock { f.close() }
        let rec = f.dir.path("restart.msr"), log = f.dir.path("capture.log")
        let messages = NatsWorkload.exercise(events: 2_000, seed: 11)
        try f.publish(Array(messages[0..<1_000]))
        let capture = try MSRBinary.start(captureArgs(f, rec), logTo: log)
        defer { if capture.isRunning { kill(capture.processIdentifier, SIGKILL) } }
        XCTAssertTrue(NatsCaptureFixture.waitForEvents(rec, atLeast: 1_000, timeout: 30), Self.read(log))
        // The console opened on a recording being captured follows it live.
        let script = f.dir.path("look.txt")
        try "snapshot\n".write(toFile: script, atomically: true, encoding: .utf8)
        let live = try MSRBinary.run(["open", rec, "--script", script, "--headless", "--size", "120x30"])
        XCTAssertTrue(live.stdout.contains("● LIVE"), live.stdout + live.stderr)

        f.server.stop()
        Thread.sleep(forTimeInterval: 0.5)
        try f.server.start()
        try f.publish(Array(messages[1_000...]))
        XCTAssertTrue(NatsCaptureFixture.waitForEvents(rec, atLeast: 2_000, timeout: 30), "not resumed: \(Self.read(log))")
        // The note comes from the connection's own thread, possibly after the events landed.
        let deadline = Date().addingTimeInterval(15)
        while !Self.read(log).contains("connection re-established") && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(Self.read(log).contains("connection re-established"), Self.read(log))
        kill(capture.processIdentifier, SIGTERM)
        XCTAssertEqual(MSRBinary.wait(for: capture, timeout: 15), 0, Self.read(log))
        // Stopped: the next opening is not live.
        let after = try MSRBinary.run(["open", rec, "--script", script, "--headless", "--size", "120x30"])
        XCTAssertFalse(after.stdout.contains("● LIVE"), after.stdout)

        try NatsCaptureFixture.assertTables(rec, equal: ExpectedTables(messages.map(\.change)))
        let (events, repeats) = try NatsCaptureFixture.eventsAndRepeats(rec)
        XCTAssertEqual(events, messages.count)
        XCTAssertEqual(repeats, 0)
    }

    /// The codes table as code → meaning, at the end of the recording.
    static func codeRows(_ rec: String) throws -> [String: String] {
        let out = try MSRBinary.run(["state", rec, "--table", "public.codes", "--at", "+86400", "--format", "csv"])
        var rows: [String: String] = [:]
        for line in out.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 1).map(String.init)
            if cells.count == 2 { rows[cells[0]] = cells[1] }
        }
        return rows
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
