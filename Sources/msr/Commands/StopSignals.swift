import Dispatch
import Foundation
import MSRCapture

/// SIGINT (Ctrl-C) and SIGTERM as a request to stop: the first lets a capture finish its
/// current commit or batch and confirm what it recorded; a second stops at once, which loses
/// nothing either, since only durable positions are ever confirmed or acknowledged.
///
/// The signals are blocked in the calling thread before any other thread starts, so threads
/// created later (libnats' I/O threads among them) inherit the mask and the signals stay
/// pending until the Dispatch sources take them. Create this first thing in a command's `run`.
final class StopSignals {
    let flag = CaptureStopFlag()
    private var sources: [DispatchSourceSignal] = []

    init(onFirst: @escaping @Sendable (Int32) -> Void = { _ in }) {
        var mask = sigset_t()
        sigemptyset(&mask)
        for s in [SIGINT, SIGTERM] { sigaddset(&mask, s) }
        pthread_sigmask(SIG_BLOCK, &mask, nil)
        let flag = self.flag
        for number in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if flag.isRequested {
                    Terminal.standardError.write("msr: stopping at once; nothing unrecorded was confirmed, so nothing is lost.\n")
                    _exit(128 + number)
                }
                flag.request()
                onFirst(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for s in sources { s.cancel() }
    }
}
