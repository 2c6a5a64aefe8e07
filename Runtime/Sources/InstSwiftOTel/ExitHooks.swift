import Dispatch
import Foundation

/// Flushes spans when the process ends: `atexit` covers returning from `main` and `exit()`; SIGINT and SIGTERM are
/// caught, flushed, and then delivered as usual unless the program shuts down by itself within a grace period.
enum ExitHooks {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let installed = DispatchQueue(label: "instswift.exit-hooks")
    nonisolated(unsafe) private static var done = false

    static func install() {
        installed.sync {
            guard !done else { return }
            done = true
            atexit { InstSwiftOTel.shutdown() }
            guard ProcessInfo.processInfo.environment["INSTSWIFT_HANDLE_SIGNALS"] != "0" else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                // Only take over signals nobody else handles yet.
                var current = sigaction()
                sigaction(signalNumber, nil, &current)
                guard current.__sigaction_handler.sa_handler == nil else { continue }
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    InstSwiftOTel.shutdown()
                    // Give a program with its own graceful shutdown (ServiceLifecycle) a moment to exit by itself.
                    DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                        signal(signalNumber, SIG_DFL)
                        // To the process, not this thread: Dispatch's worker threads block signals, so `raise` here
                        // would leave the signal pending forever and the program running.
                        kill(getpid(), signalNumber)
                    }
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
