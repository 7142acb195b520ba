import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files all-or-nothing: readers of the path see the old file or the complete new one,
/// never a partial write.
///
/// The bytes go to a new temporary file in the destination's directory (so the final rename stays
/// on one file system), are flushed to disk, and the temporary file is then renamed over the
/// destination. On any failure the temporary file is removed and the destination is untouched.
/// An existing destination is replaced and keeps its permission bits; a new one gets the usual
/// permissions (0666 less the umask).
public enum AtomicFileWriter {
    /// Writes `data` to `path`, replacing any existing file.
    ///
    /// - Throws: `MetricLearnError.file(path:reason:)` naming what failed.
    public static func write(_ data: Data, to path: String) throws(MetricLearnError) {
        let prefix = path.lastIndex(of: "/").map { path[...$0] } ?? ""
        let directory = prefix.isEmpty ? "." : prefix == "/" ? "/" : String(prefix.dropLast())
        let temporaryPath = "\(prefix).\(path.dropFirst(prefix.count)).\(UUID().uuidString).tmp"
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
        if stat(path, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        try writeAll(data, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else {
            throw .file(path: path, reason: "cannot flush the written data: \(FileContents.systemMessage(errno))")
        }
        isOpen = false
        guard close(descriptor) == 0 else {
            throw .file(path: path, reason: "cannot finish writing: \(FileContents.systemMessage(errno))")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw .file(path: path, reason: "cannot replace the file: \(FileContents.systemMessage(errno))")
        }
        isRenamed = true
        syncDirectory(directory)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(MetricLearnError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var written = 0
            while written < buffer.count {
                let result = systemWrite(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let failure { throw .file(path: path, reason: "cannot write: \(FileContents.systemMessage(failure))") }
    }

    /// Makes the rename itself durable (best effort: some file systems refuse directory fsync).
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// POSIX `write`, reachable under another name inside `AtomicFileWriter` (whose `write` hides it).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
