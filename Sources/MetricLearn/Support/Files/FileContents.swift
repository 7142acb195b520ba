#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls, so that a failure says what went wrong (a missing file, a
/// permission problem, a directory) rather than a generic Foundation error.
enum FileContents {
    /// The bytes of the file at `path`. Works for pipes and devices too (`/dev/stdin`).
    ///
    /// - Throws: `MetricLearnError.file(path:reason:)`.
    static func bytes(atPath path: String) throws(MetricLearnError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path: path, reason: openFailure(errno)) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .file(path: path, reason: systemMessage(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .file(path: path, reason: "is a directory, not a file") }

        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 65_536))) }
            let result = bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + count, buffer.count - count)
            }
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw .file(path: path, reason: "cannot be read: \(systemMessage(errno))")
            }
            count += result
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied: the file cannot be read"
        case ENOTDIR: "no such file (a part of the path is not a directory)"
        default: "cannot be opened: \(systemMessage(code))"
        }
    }

    /// The C library's message for `code`.
    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
