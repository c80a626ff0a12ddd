import CNcursesw
import Foundation
import Synchronization

/// Gives the terminal back however the process ends: Ctrl-C, SIGTERM, a crash (Swift traps
/// raise SIGILL or SIGTRAP), or `exit` without `restore()`. Without it a crashed console leaves
/// the shell with no echo, no cursor and the mouse still captured.
///
/// One per process, because signal handlers and `atexit` are. Handlers are plain C functions
/// that cannot capture context, so what they need lives here: atomics, and the previous
/// handlers, written once before any handler is installed and only read afterwards. That
/// write-once discipline is why the class can be `@unchecked Sendable`.
///
/// The first Ctrl-C while a terminal is showing is turned into an `.interrupt` event, so the
/// console can quit cleanly; a second one before it is read restores the terminal and ends the
/// process through the previous handler (normally the default: termination by SIGINT).
final class TerminalRestoration: @unchecked Sendable {
    static let shared = TerminalRestoration()

    /// Signals that end the process and so must restore the terminal first.
    static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals raised by the failing instruction itself: returning from the handler retries it,
    /// which then reaches the restored previous handler with the true fault details.
    static let faultSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE]
    /// Signals raised by a call (`abort`, a trap instruction) rather than a fault.
    static let raisedSignals: [Int32] = [SIGABRT, SIGTRAP]

    private let installed = Atomic<Bool>(false)
    private let active = Atomic<Bool>(false)
    private let pendingInterrupts = Atomic<Int>(0)
    /// The temporary file standard error goes to while the screen is shown, and the original.
    private let heldStandardError = Atomic<Int32>(-1)
    private let originalStandardError = Atomic<Int32>(-1)
    private let previous: UnsafeMutablePointer<sigaction>
    private static let signalSlots = 65

    private init() {
        previous = UnsafeMutablePointer<sigaction>.allocate(capacity: TerminalRestoration.signalSlots)
        previous.initialize(repeating: sigaction(), count: TerminalRestoration.signalSlots)
    }

    /// Installs the handlers once per process (later calls do nothing).
    func install() {
        guard installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        for signal in Self.terminatingSignals + Self.faultSignals + Self.raisedSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, _, _ in TerminalRestoration.handle(signal) }
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previous + Int(signal))
        }
        atexit { TerminalRestoration.restoreAll() }
    }

    /// Marks whether a terminal is showing (interrupts become events only then).
    func setActive(_ isActive: Bool) {
        active.store(isActive, ordering: .sequentiallyConsistent)
        pendingInterrupts.store(0, ordering: .sequentiallyConsistent)
    }

    /// Whether Ctrl-C was pressed since the last call (and forgets it).
    func takeInterrupt() -> Bool {
        pendingInterrupts.exchange(0, ordering: .sequentiallyConsistent) > 0
    }

    private static func handle(_ signal: Int32) {
        let shared = TerminalRestoration.shared
        if signal == SIGINT, shared.active.load(ordering: .sequentiallyConsistent) {
            let (_, pending) = shared.pendingInterrupts.add(1, ordering: .sequentiallyConsistent)
            if pending == 1 { return }
        }
        restoreAll()
        // Hand over to whatever was there before (usually the default action, or the Swift
        // runtime's crash reporter, which now prints to a usable terminal).
        sigaction(signal, shared.previous + Int(signal), nil)
        if !faultSignals.contains(signal) { raise(signal) }
    }

    /// Everything a dying process must undo: the screen, then standard error.
    static func restoreAll() {
        restoreScreen()
        releaseStandardError()
    }

    /// Sends standard error to an unlinked temporary file until `releaseStandardError`, so
    /// stray messages (a library's warning, the runtime's fatal error message) neither
    /// scribble over the screen nor vanish with the alternate screen.
    func holdStandardError() {
        guard heldStandardError.load(ordering: .sequentiallyConsistent) < 0 else { return }
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/msr-stderr-XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return }
        unlink(template)
        let original = dup(STDERR_FILENO)
        guard original >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            if original >= 0 { close(original) }
            return
        }
        originalStandardError.store(original, ordering: .sequentiallyConsistent)
        heldStandardError.store(file, ordering: .sequentiallyConsistent)
    }

    /// Puts standard error back and prints what was written to it meanwhile. Uses only
    /// calls that are safe in a signal handler.
    static func releaseStandardError() {
        let shared = TerminalRestoration.shared
        let held = shared.heldStandardError.exchange(-1, ordering: .sequentiallyConsistent)
        guard held >= 0 else { return }
        let original = shared.originalStandardError.exchange(-1, ordering: .sequentiallyConsistent)
        dup2(original, STDERR_FILENO)
        close(original)
        lseek(held, 0, SEEK_SET)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
            while true {
                let count = read(held, chunk.baseAddress, chunk.count)
                guard count > 0 else { break }
                _ = write(STDERR_FILENO, chunk.baseAddress, count)
            }
        }
        close(held)
    }

    /// Leaves curses mode if it is on: turns drag reporting off, then `endwin`, which resets
    /// the modes, shows the cursor and leaves the alternate screen.
    static func restoreScreen() {
        guard msr_stdscr() != nil, !isendwin() else { return }
        let mouseOff: StaticString = "\u{1B}[?1002l"
        _ = write(STDOUT_FILENO, mouseOff.utf8Start, mouseOff.utf8CodeUnitCount)
        endwin()
    }
}
