import ArgumentParser
import Foundation
import MSRModel
import MSRStore

/// Runs a command body; any error becomes one sentence on stderr and exit status 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Terminal.standardError.write("msr: \(TerminalText.safe(describe(error)))\n")
        throw ExitCode(1)
    }
}

func describe(_ error: any Error) -> String {
    switch error {
    case let e as RecordingError: return e.description
    case let e as TimeSpecError: return e.description
    case let e as CLIError: return e.description
    default: return String(describing: error)
    }
}

/// Command-line mistakes found after parsing.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Standard streams, written without buffering surprises.
enum Terminal {
    static let standardError = FileHandleStream(handle: FileHandle.standardError)

    /// Whether stderr is a terminal, where progress is drawn in place.
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// A stream for messages to people: whatever a message quotes from a source reaches the
/// terminal with its controls made visible (`TerminalText`); only line breaks stay.
struct FileHandleStream {
    let handle: FileHandle
    func write(_ s: String) { writeControl(TerminalText.safeLines(s)) }

    /// Writes `s` as it is: for the control sequences msr itself draws with.
    func writeControl(_ s: String) { try? handle.write(contentsOf: Data(s.utf8)) }
}
