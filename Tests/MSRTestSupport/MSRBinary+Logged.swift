import Foundation

extension MSRBinary {
    /// Starts `msr ARGS` without waiting, its stdout and stderr appended to `logPath`, so a
    /// test can stop it with a signal and then read what it said.
    public static func start(_ args: [String], logTo logPath: String) throws -> Process {
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try log.seekToEnd()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = log
        p.standardError = log
        p.standardInput = FileHandle.nullDevice
        try p.run()
        try log.close()
        return p
    }

    /// Waits for `process` to exit, at most `timeout` seconds; kills it (SIGKILL) and returns
    /// nil when it does not.
    public static func wait(for process: Process, timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
