import Foundation
@testable import MSRStore
import MSRModel
import MSRTestSupport
import XCTest

/// Bookmarks are edited and removed by id, and the change is seen by a reader opened later.
final class BookmarkEditingTests: XCTestCase {
    func testEditAndRemoveByIDSurviveReopening() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("b.msr")
        var ids: [Int64] = []
        do {
            let store = try SQLiteRecordingStore(creatingAt: path)
            for (t, label) in [(30, "third"), (10, "first"), (20, "second")] {
                ids.append(try store.addBookmark(Bookmark(time: Timestamp(micros: Int64(t)), label: label, note: "")))
            }
            var second = try XCTUnwrap(try store.bookmarks().first { $0.id == ids[2] })
            second.label = "contact"
            second.note = "first shots at the ford"
            // The time is not an edit: moving a bookmark is adding another.
            second.time = Timestamp(micros: 99)
            XCTAssertTrue(try store.updateBookmark(second))
            XCTAssertTrue(try store.removeBookmark(id: ids[0]))
            XCTAssertFalse(try store.removeBookmark(id: ids[0]), "a removed bookmark is gone")
            XCTAssertFalse(try store.updateBookmark(Bookmark(id: 12345, time: Timestamp(micros: 1), label: "x")))
            store.close()
        }
        let reader = try SQLiteRecordingStore(openingAt: path)
        let marks = try reader.bookmarks()
        XCTAssertEqual(marks.map(\.label), ["first", "contact"])
        XCTAssertEqual(marks.map(\.time.micros), [10, 20])
        XCTAssertEqual(marks[1].note, "first shots at the ford")
    }

    func testEditsAreRefusedOnAReadOnlyStore() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("ro.msr")
        let id: Int64
        do {
            let store = try SQLiteRecordingStore(creatingAt: path)
            id = try store.addBookmark(Bookmark(time: Timestamp(micros: 5), label: "keep"))
            store.close()
        }
        let reader = try SQLiteRecordingStore(openingAt: path)
        XCTAssertThrowsError(try reader.removeBookmark(id: id))
        XCTAssertEqual(try reader.bookmarks().map(\.label), ["keep"])
    }
}
