import Foundation
import MSRCapture

/// SIGINT (Ctrl-C) and SIGTERM as a request to stop: the first lets a capture finish its
/// current commit and confirm what it recorded; a second stops at once, which loses nothing
/// either, since only durable positions are ever confirmed.
///
/// Signals are taken with Dispatch sources (the default handlers are ignored while this
/// exists), so no handler runs in signal context and no global state is needed.
final class StopSignals {
    let flag = CaptureStopFlag()
    private var sources: [DispatchSourceSignal] = []

    init(onFirst: @escaping @Sendable (Int32) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag] in
                if flag.isRequested { _exit(128 + number) }
                flag.request()
                onFirst(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
