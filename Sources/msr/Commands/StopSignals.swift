import Dispatch
import Foundation
import MSRCapture

/// Turns SIGINT (Ctrl-C) and SIGTERM into a stop request a capture loop reads between batches;
/// a second signal ends the process at once.
///
/// The signals are blocked in the calling thread before any other thread starts, so every
/// thread created later (libnats' I/O threads among them) inherits the mask, and they stay
/// pending until the Dispatch sources — which read them through a signalfd on Linux — take
/// them. Create this first thing in a command's `run`.
final class StopSignals {
    let flag = CaptureStopFlag()
    private var sources: [DispatchSourceSignal] = []

    init() {
        var mask = sigset_t()
        sigemptyset(&mask)
        for s in [SIGINT, SIGTERM] { sigaddset(&mask, s) }
        pthread_sigmask(SIG_BLOCK, &mask, nil)
        let flag = self.flag
        for s in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: s, queue: DispatchQueue.global())
            source.setEventHandler {
                // A second signal means "now": safe, since nothing unrecorded was acknowledged.
                if flag.isStopped {
                    Terminal.standardError.write("msr: stopping at once; what was not yet acknowledged will be delivered again.\n")
                    _exit(1)
                }
                flag.stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
