import Foundation

/// Runs the built `msr` binary, as a user would, and captures what it says.
public enum MSRBinary {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The debug binary SwiftPM built beside the tests (or `MSR_BINARY` when set).
    public static var path: String {
        if let p = ProcessInfo.processInfo.environment["MSR_BINARY"] { return p }
        var dir = URL(fileURLWithPath: #filePath)
        while dir.path != "/" {
            dir.deleteLastPathComponent()
            let candidate = dir.appendingPathComponent(".build/debug/msr").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "msr"
    }

    /// Runs `msr ARGS` to completion, with `input` on stdin.
    @discardableResult
    public static func run(_ args: [String], input: String? = nil, cwd: String? = nil) throws -> Result {
        try runProgram(path, args, input: input, cwd: cwd)
    }

    /// Runs another program built beside msr (`msr-bench`) the same way.
    @discardableResult
    public static func runProgram(_ program: String, _ args: [String], input: String? = nil, cwd: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        // Output goes to files, so a chatty command can never block on a full pipe.
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("msr-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("msr-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: p.terminationStatus,
                      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// Starts `msr ARGS` without waiting, output discarded.
    public static func start(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }
}
