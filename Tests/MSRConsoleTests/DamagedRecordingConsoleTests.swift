import Foundation
@testable import MSRConsole
@testable import MSRStore
import MSRTestSupport
import XCTest

/// A recording whose keyframe pages are damaged: the pane says so instead of showing a
/// table with rows missing.
final class DamagedRecordingConsoleTests: XCTestCase {
    /// Flips one byte in the middle of every stored keyframe page.
    private static func damagePages(_ path: String) throws {
        let store = try SQLiteRecordingStore(openingAt: path, writable: true)
        defer { store.close() }
        try store.wrap {
            let read = try store.db.prepare("SELECT id, data FROM pages ORDER BY id")
            var pages: [(Int64, [UInt8])] = []
            while try read.step() { pages.append((read.int64(0), read.blob(1) ?? [])) }
            read.finish()
            let write = try store.db.prepare("UPDATE pages SET data = ? WHERE id = ?")
            for (id, var data) in pages where !data.isEmpty {
                data[data.count / 2] ^= 0x20
                try write.run(.blob(data), .int(id))
            }
        }
    }

    /// A recording long enough that the end is reached by a jump from a keyframe.
    private static func write(_ path: String) throws {
        var stream = RandomChangeStream(seed: 11, keySpace: 400)
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 50)
        _ = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 50, keyOverrides: ["ops.beta": ["region", "n"]]))
            .write(stream.changes(6000, truncates: false))
        store.close()
    }

    func testAPaneOverDamagedPagesSaysSoInsteadOfRows() throws {
        let whole = try ConsoleHarness(width: 100, height: 30, write: { try Self.write($0) })
        whole.press("end")
        XCTAssertFalse(whole.text.contains("damaged recording"), whole.text)
        XCTAssertNil(whole.app.panes.values.first?.feed.error)

        let dir = TemporaryDirectory("msr-console")
        let h = try ConsoleHarness(width: 100, height: 30, directory: dir, write: { path in
            try Self.write(path)
            try Self.damagePages(path)
        })
        h.press("end")
        h.settle()
        let text = h.text
        XCTAssertTrue(text.contains("damaged recording:"), text)
        XCTAssertTrue(text.contains("keyframe page"), text)
        XCTAssertTrue(text.contains("checksum"), text)
        let pane = try XCTUnwrap(h.app.panes.values.first)
        let error = try XCTUnwrap(pane.feed.error)
        XCTAssertTrue(String(describing: error).contains("of table \(pane.table.name.qualified)"), "\(error)")
        // None of the rows the whole recording shows at the end is drawn over damage.
        let rows = whole.lines.dropFirst(3).filter { $0.contains("│") }.prefix(5)
        XCTAssertFalse(rows.isEmpty, whole.text)
        for row in rows { XCTAssertFalse(text.contains(row), "\(row) shown from a damaged recording") }
    }
}
