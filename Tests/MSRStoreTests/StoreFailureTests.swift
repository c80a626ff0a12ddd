import CSQLite3
import Foundation
@testable import MSRStore
import MSRModel
import MSRTestSupport
import XCTest

/// A small tmpfs of its own, mounted for one test and unmounted after (needs root, as the
/// test machines run; elsewhere the tests that need it are skipped).
final class SmallFileSystem {
    let directory = TemporaryDirectory("msr-fs")
    private var mounted = false

    init(kilobytes: Int) throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
        let r = try MSRBinary.runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", directory.url.path])
        guard r.status == 0 else { throw XCTSkip("cannot mount a tmpfs here: \(r.stderr)") }
        mounted = true
    }

    func path(_ name: String) -> String { directory.path(name) }

    func remountReadOnly() throws {
        let r = try MSRBinary.runProgram("/bin/mount", ["-o", "remount,ro", directory.url.path])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    deinit {
        if mounted { _ = try? MSRBinary.runProgram("/bin/umount", [directory.url.path]) }
    }
}

/// A recording that cannot be opened or written says exactly why: a full disk, a read-only
/// file system, a file cut short, no permission, another writer; never "not a recording".
final class StoreFailureTests: XCTestCase {
    private func units(_ count: Int, from: Int = 0, text: String = "x") -> [SourceChange] {
        (from..<(from + count)).map { i in
            var c = SourceChange(table: TableName(schema: "public", name: "units"), op: .insert,
                                 commitTime: Timestamp(micros: Int64(i) * 1000), position: SourcePosition(Int64(i) + 1),
                                 columns: [ColumnSchema(name: "id", type: ColumnType(kind: "int64")),
                                           ColumnSchema(name: "name", type: ColumnType(kind: "string"))])
            c.after = [Field("id", .int(Int64(i))), Field("name", .string(text + String(i)))]
            return c
        }
    }

    private func record(_ path: String, count: Int = 3000) throws {
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 200)
        _ = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 200)).write(units(count))
        store.close()
    }

    /// Opens and reads everything, as `msr state` at the end would.
    private func readAll(_ path: String) throws {
        let store = try SQLiteRecordingStore(openingAt: path)
        defer { store.close() }
        let summary = try store.summary()
        _ = try store.events(in: 1...max(1, summary.lastSeq), table: nil)
        for t in summary.tables {
            _ = try store.reconstruct(table: t, atSeq: summary.lastSeq).state.rows.map(\.key)
        }
        try store.damage.check()
    }

    func testATruncatedRecordingIsReportedAsCutShort() throws {
        let dir = TemporaryDirectory()
        let whole = dir.path("whole.msr")
        try record(whole)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
        for length in [1, 16, 50, 99, 100, 4096, 16384, 16384 * 2 + 7, bytes.count / 2, bytes.count - 16384, bytes.count - 1] {
            let cut = dir.path("cut-\(length).msr")
            try bytes.prefix(length).write(to: URL(fileURLWithPath: cut))
            XCTAssertThrowsError(try readAll(cut), "cut at \(length)") { error in
                guard case RecordingError.truncated(_, let size, let expected) = error else {
                    return XCTFail("cut at \(length): \(error)")
                }
                XCTAssertEqual(size, Int64(length))
                XCTAssertTrue(expected == 100 || expected == Int64(bytes.count), "\(expected)")
                XCTAssertTrue("\(error)".contains("is cut short"), "\(error)")
            }
        }
        try readAll(whole)
    }

    func testAReadOnlyFileSystemIsReportedAsReadOnly() throws {
        let fs = try SmallFileSystem(kilobytes: 4096)
        let path = fs.path("r.msr")
        try record(path, count: 500)
        try fs.remountReadOnly()
        // Reading works (no log is needed for a recording closed cleanly)…
        try readAll(path)
        // …writing says why it cannot.
        for open in [{ _ = try SQLiteRecordingStore(creatingAt: path) },
                     { _ = try SQLiteRecordingStore(creatingAt: fs.path("new.msr")) },
                     { _ = try SQLiteRecordingStore(openingAt: path, writable: true).addBookmark(Bookmark(time: Timestamp(micros: 1), label: "x", note: "")) }] {
            XCTAssertThrowsError(try open()) { error in
                guard case RecordingError.readOnly = error else { return XCTFail("\(error)") }
                XCTAssertTrue("\(error)".contains("read-only"), "\(error)")
            }
        }
    }

    func testAFullDiskIsReportedAsFullAndKeepsWhatWasCommitted() throws {
        let fs = try SmallFileSystem(kilobytes: 768)
        let path = fs.path("r.msr")
        let store = try SQLiteRecordingStore(creatingAt: path, keyframeInterval: 500)
        let writer = try RecordingWriter(store: store, options: WriterOptions(keyframeInterval: 500))
        var written = 0
        var failure: Error?
        let text = String(repeating: "payload ", count: 20)
        for batch in 0..<400 {
            do {
                written += try writer.write(units(200, from: batch * 200, text: text)).written
            } catch {
                failure = error
                break
            }
        }
        store.close()
        let error = try XCTUnwrap(failure, "the disk never filled")
        guard case RecordingError.diskFull = error else { return XCTFail("\(error)") }
        XCTAssertTrue("\(error)".contains("is full"), "\(error)")
        XCTAssertGreaterThan(written, 0)
        let reader = try SQLiteRecordingStore(openingAt: path)
        XCTAssertEqual(try reader.summary().eventCount, Int64(written), "every committed batch is kept")
    }

    func testAnotherWriterIsRefusedWithASentence() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        let first = try SQLiteRecordingStore(creatingAt: path)
        XCTAssertThrowsError(try SQLiteRecordingStore(creatingAt: path)) { error in
            guard case RecordingError.busyWriter = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("Another msr is writing to \(path)"), "\(error)")
        }
        // Readers are not writers.
        XCTAssertNoThrow(try SQLiteRecordingStore(openingAt: path))
        first.close()
        XCTAssertNoThrow(try SQLiteRecordingStore(creatingAt: path))
    }

    func testARecordingOfAnEarlierFormatIsRefusedWithWhatToDo() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("r.msr")
        try record(path, count: 10)
        let db = try SQLiteDatabase(path: path, create: false)
        try db.execute("UPDATE meta SET value = '3' WHERE key = 'format_version'")
        XCTAssertThrowsError(try SQLiteRecordingStore(openingAt: path)) { error in
            guard case RecordingError.olderVersion(_, 3, 4) = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("record or ingest it again"), "\(error)")
        }
    }

    /// What each SQLite result code (with the errno behind it) is reported as, for the cases a
    /// test cannot bring about on every machine (permission as root, say).
    func testSQLiteFailuresMapToWhatWentWrong() throws {
        let dir = TemporaryDirectory()
        let missing = dir.path("none.msr")
        func kind(_ code: Int32, errno: Int32 = 0) -> String {
            "\(RecordingError.opening(path: missing, SQLiteError(code: code, message: "m", systemErrno: errno)))"
        }
        XCTAssertTrue(kind(SQLITE_FULL).contains("is full"))
        XCTAssertTrue(kind(SQLITE_IOERR | (4 << 8), errno: ENOSPC).contains("is full"))
        XCTAssertTrue(kind(SQLITE_READONLY).contains("read-only"))
        XCTAssertTrue(kind(SQLITE_CANTOPEN, errno: EROFS).contains("read-only"))
        XCTAssertTrue(kind(SQLITE_CANTOPEN, errno: EACCES).contains("Permission denied"))
        XCTAssertTrue(kind(SQLITE_PERM).contains("Permission denied"))
        XCTAssertTrue(kind(SQLITE_CANTOPEN, errno: ENOENT).hasPrefix("Cannot open"))
        XCTAssertTrue(kind(SQLITE_NOTADB).contains("is not an msr recording"))
        XCTAssertTrue(kind(SQLITE_CORRUPT).contains("is damaged"))
        // A directory where a recording should be: SQLite's own answer, mapped.
        XCTAssertThrowsError(try SQLiteRecordingStore(creatingAt: dir.url.path)) { error in
            XCTAssertFalse("\(error)".contains("not an msr recording"), "\(error)")
        }
    }
}
