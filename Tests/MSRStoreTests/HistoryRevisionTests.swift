import Foundation
import MSRModel
import MSRStore
import MSRTestSupport
import XCTest

/// The history revision: moved only by a rewrite of the stored tail, and what tells a lazily
/// read page gone by that rewrite from a damaged one.
final class HistoryRevisionTests: XCTestCase {
    func testOnlyARewriteMovesTheRevisionAndThePagesItTookAreNoDamage() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        var stream = RandomChangeStream(seed: 3, keySpace: 300)
        let changes = stream.changes(2000, truncates: false)
        let store = try SQLiteRecordingStore(creatingAt: path)
        let writer = try RecordingWriter(store: store, options: WriterOptions(
            keyframeInterval: 40, keyOverrides: ["ops.beta": ["region", "n"]]))
        _ = try writer.write(Array(changes[0..<1000]))
        _ = try writer.write(Array(changes[1300...]))
        XCTAssertEqual(try store.historyRevision(), 0, "appends are no rewrite")

        let reader = try SQLiteRecordingStore(openingAt: path)
        let alpha = try reader.summary().table(named: "alpha")
        let last = try reader.summary().lastSeq
        let keyframe = try XCTUnwrap(try reader.nearestKeyframe(table: alpha.id, to: last, atOrBefore: true))
        let tree = try XCTUnwrap(try reader.loadKeyframe(table: alpha.id, seq: keyframe.seq))
        XCTAssertEqual(tree.count, keyframe.rowCount)

        let report = try writer.write(Array(changes[1000..<1300]))
        XCTAssertGreaterThan(report.rederived, 0)
        XCTAssertEqual(try store.historyRevision(), 1)
        XCTAssertEqual(try reader.historyRevision(), 1)

        // Looked at now, the tree finds its pages gone: counted as a rewrite of revision 0.
        XCTAssertLessThan(Array(tree).count, keyframe.rowCount, "the keyframe's pages were rewritten (the case under test)")
        XCTAssertNil(reader.damage.error, "\(String(describing: reader.damage.error))")
        XCTAssertEqual(reader.damagedPages, 0)
        XCTAssertGreaterThan(reader.damage.rewrites, 0)
        XCTAssertEqual(reader.damage.staleRevision, 0)

        // Opened again, the table's keyframes are whole.
        let rewrites = reader.damage.rewrites
        let now = try XCTUnwrap(try reader.nearestKeyframe(table: alpha.id, to: last, atOrBefore: true))
        let fresh = try XCTUnwrap(try reader.loadKeyframe(table: alpha.id, seq: now.seq))
        XCTAssertEqual(Array(fresh).count, now.rowCount)
        XCTAssertEqual(reader.damage.rewrites, rewrites)
        XCTAssertNil(reader.damage.error)
    }
}
