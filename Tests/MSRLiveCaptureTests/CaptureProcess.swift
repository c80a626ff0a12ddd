import Foundation
import MSRTestSupport
import XCTest

/// A running `msr capture postgres`, started as a user would start it; its output collects in
/// files across restarts, so a test can read everything it ever said.
final class CaptureProcess {
    let args: [String]
    let stdoutURL: URL
    let stderrURL: URL
    private(set) var process: Process

    init(_ args: [String], in directory: TemporaryDirectory, name: String = "capture") throws {
        self.args = ["capture", "postgres"] + args
        stdoutURL = directory.url.appendingPathComponent("\(name).out")
        stderrURL = directory.url.appendingPathComponent("\(name).err")
        for url in [stdoutURL, stderrURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        process = try Self.launch(self.args, stdout: stdoutURL, stderr: stderrURL)
    }

    private static func launch(_ args: [String], stdout: URL, stderr: URL) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: MSRBinary.path)
        p.arguments = args
        let out = try FileHandle(forWritingTo: stdout), err = try FileHandle(forWritingTo: stderr)
        out.seekToEndOfFile()
        err.seekToEndOfFile()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Starts the same command again (after a kill).
    func restart() throws {
        process = try Self.launch(args, stdout: stdoutURL, stderr: stderrURL)
    }

    var isRunning: Bool { process.isRunning }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    /// `kill -9`: no chance to finish anything.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends `signal` and waits (bounded) for the exit status; nil when it did not exit.
    func stop(_ signal: Int32 = SIGINT, timeout: Double = 30) -> Int32? {
        if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill()
            return nil
        }
        return process.terminationStatus
    }

    /// Waits until the capture has said `text`, or has exited, or `timeout` passes.
    @discardableResult
    func waitForStderr(_ text: String, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Waits (bounded) for the process to exit on its own; nil when it did not.
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
