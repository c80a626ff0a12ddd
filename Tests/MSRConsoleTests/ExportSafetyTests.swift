@testable import MSRConsole
import Foundation
import MSREngine
import MSRModel
import MSRTerminal
import MSRTestSupport
import XCTest

/// An export makes a new file, in the directory the user chose, and never writes through or
/// replaces what is at its path: a file, a symlink, a FIFO, a device.
final class ExportSafetyTests: XCTestCase {
    private func exportError(_ h: ConsoleHarness, _ text: String) -> String {
        h.perform(.export(text))
        return h.bottomLine
    }

    func testAnExistingFileIsRefusedAndKept() throws {
        let h = try ConsoleHarness(width: 160, height: 30)
        let path = h.directory.path("mine.csv")
        try "precious\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertTrue(exportError(h, "csv " + path).contains("already exists; msr does not replace files"), h.bottomLine)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "precious\n")
        // Events to it are refused at once, before asking about the whole recording.
        h.perform(.export("events " + path))
        XCTAssertNil(h.app.question)
        XCTAssertTrue(h.bottomLine.contains("already exists"), h.bottomLine)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "precious\n")
    }

    func testASymlinkIsRefusedAndItsTargetKept() throws {
        let h = try ConsoleHarness(width: 160, height: 30)
        let target = h.directory.path("target.txt")
        try "keep me\n".write(toFile: target, atomically: false, encoding: .utf8)
        let link = h.directory.path("link.ndjson")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertTrue(exportError(h, "ndjson " + link).contains("already exists"), h.bottomLine)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        // A dangling link is not followed to make its target either.
        let dangling = h.directory.path("dangling.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: h.directory.path("nowhere.csv"))
        XCTAssertTrue(exportError(h, "csv " + dangling).contains("already exists"), h.bottomLine)
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.directory.path("nowhere.csv")))
    }

    func testAFIFOAndADeviceAreRefusedAndKept() throws {
        let h = try ConsoleHarness(width: 160, height: 30)
        let fifo = h.directory.path("pipe.csv")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertTrue(exportError(h, "csv " + fifo).contains("already exists"), h.bottomLine)
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
        // A character device like /dev/null, made here (only root may).
        let device = h.directory.path("null.csv")
        guard mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { throw XCTSkip("cannot make a device node here") }
        XCTAssertTrue(exportError(h, "csv " + device).contains("already exists"), h.bottomLine)
        XCTAssertFalse(h.bottomLine.contains("Exported"), h.bottomLine)
        XCTAssertEqual(lstat(device, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "still a device")
        XCTAssertTrue(exportError(h, "events all " + device).contains("already exists"), h.bottomLine)
        XCTAssertEqual(lstat(device, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "still a device")
    }

    func testADirectoryGetsTheDefaultNameNumberedWhenTaken() throws {
        let h = try ConsoleHarness(width: 160, height: 30)
        let dir = h.directory.path("exports")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        h.perform(.goTo("+00:00:30"))
        h.perform(.export("csv " + dir))
        let first = dir + "/exercise-units-000030000.csv"
        XCTAssertTrue(h.bottomLine.contains("Exported 8 rows to \(first)"), h.bottomLine)
        h.perform(.export("csv " + dir))
        XCTAssertTrue(h.bottomLine.contains("Exported 8 rows to \(dir)/exercise-units-000030000-2.csv"), h.bottomLine)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(),
                       ["exercise-units-000030000-2.csv", "exercise-units-000030000.csv"])
    }

    func testTheExportDirectoryOptionTakesExportsWithoutAPath() throws {
        let dir = TemporaryDirectory("msr-export-dir")
        var options = ConsoleOptions()
        options.exportDirectory = dir.url.path
        let h = try ConsoleHarness(width: 160, height: 30, options: options)
        h.perform(.export("ndjson"))
        XCTAssertTrue(h.bottomLine.contains("Exported 8 rows to \(dir.url.path)/exercise-units-"), h.bottomLine)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).count, 1)
    }

    func testExportsWriteReadableValuesOrRawOnRequest() throws {
        let h = try ConsoleHarness(width: 160, height: 30, write: { try TypedFixture.write(to: $0) })
        h.perform(.filter("id=1"))
        let csv = h.directory.path("unit1.csv")
        h.perform(.export("csv " + csv))
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8), """
            id,strength,updated_at,day,balance
            1,11.8,2026-03-14T08:00:01Z,2026-03-15,1234567890123456.78

            """)
        let ndjson = h.directory.path("unit1.ndjson")
        h.perform(.export("ndjson " + ndjson))
        XCTAssertEqual(try String(contentsOfFile: ndjson, encoding: .utf8),
                       #"{"id":1,"strength":11.8,"updated_at":"2026-03-14T08:00:01Z","day":"2026-03-15","balance":1234567890123456.78}"# + "\n")
        let raw = h.directory.path("unit1-raw.ndjson")
        h.perform(.export("ndjson raw " + raw))
        let text = try String(contentsOfFile: raw, encoding: .utf8)
        XCTAssertTrue(text.contains(#""strength":"dg==""#) && text.contains(#""updated_at":1773475201000000"#), text)
    }
}
