#if canImport(Glibc)
@preconcurrency import Glibc        // `stdout`, a C global, is read once the command has finished
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The process's standard output: results, whose loss is an error (exit 74, EX_IOERR) rather than a silent
/// success, whether stdout is a full device (`> /dev/full`), a closed descriptor (`>&-`) or a file on a full disk.
enum StandardOutput {
    /// Keeps descriptors 1 and 2 taken: a closed one is reopened read-only on /dev/null, so that writes to it
    /// fail (and are reported) instead of landing in the first file the command opens, which would get its number.
    static func reserveDescriptors() {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let reopened = open("/dev/null", O_RDONLY)
            if reopened >= 0 && reopened != descriptor {
                dup2(reopened, descriptor)
                close(reopened)
            }
        }
    }

    /// Flushes stdout.
    ///
    /// - Throws: a failure with status 74 when any of the output could not be written.
    static func flush() throws(CommandFailure) {
        let didFail = fflush(stdout) != 0
        let code = errno
        guard didFail || ferror(stdout) != 0 else { return }
        throw CommandFailure(message: "cannot write the results to standard output"
                                 + (didFail ? ": \(String(cString: strerror(code)))" : ""),
                             exitCode: .ioError)
    }
}
