import Foundation
import MSRStore
import MSRTestSupport
import XCTest

/// The last guard of every removal msr makes: only a regular file goes, never a directory (with
/// what is in it), a link's target, a FIFO or a device that took the path's place.
final class OwnFileTests: XCTestCase {
    func testOnlyARegularFileIsRemoved() throws {
        let dir = TemporaryDirectory("msr-own-file")
        let file = dir.path("made.msr")
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        let folder = dir.path("made.msr-wal")
        try FileManager.default.createDirectory(atPath: folder + "/inside", withIntermediateDirectories: true)
        let target = dir.path("target.txt")
        try "keep".write(toFile: target, atomically: false, encoding: .utf8)
        let link = dir.path("made.msr-shm")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let fifo = dir.path("made.msr-journal")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)

        OwnFile.remove(file, suffixes: ["", "-wal", "-shm", "-journal"])

        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/inside"))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep")
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
    }
}
