import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files all-or-nothing: readers of the path see the old file or the complete new one,
/// never a partial write, and nothing but the file itself is ever replaced.
///
/// The bytes go to a new temporary file in the destination's directory (so the final rename stays
/// on one file system), are flushed to disk, and the temporary file is then renamed over the
/// destination. On any failure the temporary file is removed and the destination is untouched.
/// An existing destination is replaced and keeps its permission bits; a new one gets the usual
/// permissions (0666 less the umask).
///
/// What the path leads to decides how it is written:
/// - a symbolic link is followed: its target is replaced (or created, for a dangling link) and the link stays;
/// - a character or block device (`/dev/null`), a FIFO, or one of the process's own descriptors (`/dev/stdout`)
///   is written in place, never replaced; a FIFO that no process reads is refused rather than waited on;
/// - a directory or a socket is refused.
///
/// A process that may be ended by a signal while writing removes the temporary files of writes in progress
/// with `removeTemporaryFiles()` from its signal handler (the command-line tool does).
public enum AtomicFileWriter {
    /// Writes `data` to `path`, replacing any existing file (see the type's rules for links and devices).
    ///
    /// - Throws: `MetricLearnError.file(path:reason:)` naming what failed (`cannot write: No space left on
    ///   device`, …).
    public static func write(_ data: Data, to path: String) throws(MetricLearnError) {
        let destination = try OutputDestination(resolving: path)
        let failure: MetricLearnError? = data.withUnsafeBytes { bytes in
            do throws(MetricLearnError) {
                switch destination {
                case let .file(target): try replace(target, with: bytes, path: path)
                case let .stream(target, isFIFO): try OutputDestination.writeStream(bytes, to: target, isFIFO: isFIFO, path: path)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Removes the temporary files of the writes in progress, so that a process ended by a signal leaves none
    /// behind. Async-signal-safe: call it from a signal handler (after calling it once at start-up, which
    /// sets up the table it reads).
    @available(macOS 15, *)
    public static func removeTemporaryFiles() {
        TemporaryFiles.shared.removeAll()
    }

    /// Writes `bytes` to a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: String, with bytes: UnsafeRawBufferPointer, path: String)
        throws(MetricLearnError) {
        let directory = OutputDestination.directory(of: target)
        let prefix = target.lastIndex(of: "/").map { target[...$0] } ?? ""
        let temporaryPath = "\(prefix).\(target.dropFirst(prefix.count)).\(UUID().uuidString).tmp"
        let slot = register(temporaryPath)
        defer { unregister(slot) }
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .file(path: path, reason: "cannot create a file in \(directory): \(FileContents.systemMessage(errno))")
        }
        var isOpen = true
        var isRenamed = false
        defer {
            if isOpen { close(descriptor) }
            if !isRenamed { unlink(temporaryPath) }
        }

        var existing = stat()
        if stat(target, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        try OutputDestination.writeAll(bytes, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else {
            throw .file(path: path, reason: "cannot flush the written data: \(FileContents.systemMessage(errno))")
        }
        isOpen = false
        guard close(descriptor) == 0 else {
            throw .file(path: path, reason: "cannot finish writing: \(FileContents.systemMessage(errno))")
        }
        guard rename(temporaryPath, target) == 0 else {
            throw .file(path: path, reason: "cannot replace the file: \(FileContents.systemMessage(errno))")
        }
        isRenamed = true
        syncDirectory(directory)
    }

    /// Registers a temporary file for removal by a signal handler (nil where that is unavailable).
    private static func register(_ temporaryPath: String) -> Int? {
        guard #available(macOS 15, *) else { return nil }
        return TemporaryFiles.shared.register(temporaryPath)
    }

    private static func unregister(_ slot: Int?) {
        guard #available(macOS 15, *), let slot else { return }
        TemporaryFiles.shared.unregister(slot)
    }

    /// Makes the rename itself durable (best effort: some file systems refuse directory fsync).
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
