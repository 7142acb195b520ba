#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a binary file front to back with POSIX calls, in pieces the caller sizes, so a large array goes straight
/// into its final storage: the errors are `FileContents`'s (a missing file, a directory, permission).
final class BinaryFileReader {
    /// The file's path, for errors.
    let path: String
    /// The file's size when it is a regular file (nil for pipes and devices, whose size is unknown).
    let regularFileSize: Int?
    private let descriptor: Int32

    /// Opens the file at `path` for reading.
    ///
    /// - Throws: `file(path:reason:)`.
    init(path: String) throws(MetricLearnError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path: path, reason: FileContents.openFailure(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = FileContents.systemMessage(errno)
            close(descriptor)
            throw .file(path: path, reason: reason)
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            throw .file(path: path, reason: "is a directory, not a file")
        }
        self.path = path
        self.descriptor = descriptor
        regularFileSize = (status.st_mode & S_IFMT) == S_IFREG ? max(Int(status.st_size), 0) : nil
    }

    deinit { close(descriptor) }

    /// Fills `buffer` from the file; returns how many bytes it holds, fewer than its size only at the end of the file.
    ///
    /// - Throws: `file(path:reason:)` when reading fails.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(MetricLearnError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            let result = systemRead(descriptor, base + count, buffer.count - count)
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw .file(path: path, reason: "cannot be read: \(FileContents.systemMessage(errno))")
            }
            count += result
        }
        return count
    }

    /// The next `count` bytes, or fewer at the end of the file.
    func bytes(count: Int) throws(MetricLearnError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(MetricLearnError) in try self.read(into: buffer) }
        }
        bytes.removeSubrange(try read.get()...)
        return bytes
    }
}

/// The C library's `read`, which `BinaryFileReader.read(into:)` hides inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
