import Foundation
import MetricLearn

/// How the tool ends on SIGINT (Ctrl-C), SIGTERM and SIGHUP: the temporary files of outputs being written are
/// removed (`AtomicFileWriter.removeTemporaryFiles()`), `metric-learn: interrupted` goes to stderr, and the exit
/// status is 128 + the signal's number — 130, 143 and 129, what a shell reports for a process the signal ended.
/// SIGBUS (a mapped input file truncated while it is read) ends the same way with status 74 and its own line.
///
/// `install()` runs once, in the root command, before any work. Every output is written to a temporary file and
/// renamed into place, so ending at any moment — during a long fit as in the middle of a write — leaves the
/// output as it was and nothing beside it: a command needs nothing more to stop cleanly on Ctrl-C. A signal that
/// was ignored when the tool started (`nohup` ignores SIGHUP) stays ignored.
enum Interruption {
    /// The signals that end the tool cleanly.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// The conventional exit status after `signal`: 128 + its number.
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    /// The exit status after SIGBUS: 74 (`EX_IOERR`). Large numeric tables are read through a memory map, and a
    /// mapped page past the end of a file that another process truncated during the read raises SIGBUS; the tool
    /// then ends like an interrupted one, with this status and `busErrorMessage`, instead of dumping core.
    static let busErrorStatus: Int32 = 74

    /// Installs the handler for `signals` and unblocks them: a process started from a thread that blocks them (a
    /// dispatch worker's `posix_spawn`) inherits that mask and would otherwise never see them.
    static func install() {
        if #available(macOS 15, *) { AtomicFileWriter.removeTemporaryFiles() }   // sets up its table outside the handler
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in signals {
            var current = sigaction()
            sigaction(signal, nil, &current)
            if isIgnored(current) { continue }
            _ = Foundation.signal(signal, handler)
            sigaddset(&handled, signal)
        }
        _ = Foundation.signal(SIGBUS, busErrorHandler)
        sigaddset(&handled, SIGBUS)
        sigprocmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Only async-signal-safe work: unlink the registered files, write a constant line, `_exit`.
    private static let handler: @convention(c) (Int32) -> Void = { signal in
        if #available(macOS 15, *) { AtomicFileWriter.removeTemporaryFiles() }
        let message: StaticString = "metric-learn: interrupted\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        _exit(exitStatus(for: signal))
    }

    /// As `handler`, for SIGBUS: the likely cause named, and `busErrorStatus`.
    private static let busErrorHandler: @convention(c) (Int32) -> Void = { _ in
        if #available(macOS 15, *) { AtomicFileWriter.removeTemporaryFiles() }
        let message: StaticString = "metric-learn: bus error: an input file changed size while it was being read\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        _exit(busErrorStatus)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if os(Linux)
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
        #else
        unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
        #endif
    }
}
