import Dispatch
import Foundation
import MSRCapture

/// Turns SIGINT (Ctrl-C) and SIGTERM into a stop request a capture loop reads between batches.
///
/// The signals are blocked in the calling thread before any other thread starts, so every
/// thread created later (libnats' I/O threads among them) inherits the mask, and they stay
/// pending until the Dispatch sources — which read them through a signalfd on Linux — take
/// them. Create this first thing in a command's `run`.
final class StopSignals {
    let flag = CaptureStopFlag()
    private var sources: [DispatchSourceSignal] = []

    init(onStop: @escaping @Sendable (Int32) -> Void = { _ in }) {
        var mask = sigset_t()
        sigemptyset(&mask)
        for s in [SIGINT, SIGTERM] { sigaddset(&mask, s) }
        pthread_sigmask(SIG_BLOCK, &mask, nil)
        let flag = self.flag
        for s in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: s, queue: DispatchQueue.global())
            source.setEventHandler {
                flag.stop()
                onStop(s)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
