#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole text files with POSIX calls, so that a failure says what went wrong (a missing file, a
/// permission problem, a directory) rather than a generic Foundation error.
enum FileContents {
    /// The most bytes read in one call, so that a NUL byte stops reading early.
    private static let chunkSize = 1 << 24
    /// The most bytes reserved before any is read (a file's announced size may be far from what it holds).
    private static let initialReservation = 1 << 26

    /// The bytes of the text file at `path`. Works for pipes and devices too (`/dev/stdin`).
    ///
    /// Every caller reads text (CSV, JSON, folds), which never holds a NUL byte, so reading stops after the
    /// chunk where the first NUL appears and the bytes up to there are returned: the caller's parser then says
    /// the file is not text, at once, even for an endless binary stream such as `/dev/zero`. A file larger
    /// than the memory available (`MemoryBudget`) is refused before it is read.
    ///
    /// - Throws: `MetricLearnError.file(path:reason:)`.
    static func bytes(atPath path: String) throws(MetricLearnError) -> [UInt8] {
        let (descriptor, status) = try openFile(atPath: path)
        defer { close(descriptor) }
        return try bytes(of: descriptor, size: max(Int(status.st_size), 0), path: path)
    }

    /// Calls `body` with the bytes of the text file at `path` and a function that takes back the memory of a range
    /// of them, which `body` will not look at again (it may, at the cost of reading them again); the pages the
    /// range ends in are kept. Readers working on separate ranges may call it at the same time.
    ///
    /// A regular file is mapped read-only, so that reading a file of any size holds only the pages `body` has not
    /// handed back: a reader that hands them back as it goes needs no memory for the bytes it has passed. Pipes,
    /// devices, empty files and a file the system refuses to map are read whole as `bytes(atPath:)` reads them
    /// (handing back then does nothing). A mapped file that another process truncates while `body` runs is the
    /// one case where reading can stop the process (with SIGBUS), as with any memory-mapped input.
    ///
    /// - Throws: `MetricLearnError.file(path:reason:)`, and what `body` throws.
    static func withBytes<Result>(
        atPath path: String,
        _ body: (UnsafeBufferPointer<UInt8>, _ handBack: (Range<Int>) -> Void) throws(MetricLearnError) -> Result
    ) throws(MetricLearnError) -> Result {
        let (descriptor, status) = try openFile(atPath: path)
        var isOpen = true
        defer { if isOpen { close(descriptor) } }
        let size = Int(status.st_size)
        if (status.st_mode & S_IFMT) == S_IFREG, size > 0,
           let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED {
            close(descriptor)
            isOpen = false
            defer { munmap(base, size) }
            let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
            return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)) { range in
                let (start, end) = (range.lowerBound / pageSize * pageSize, min(range.upperBound, size) / pageSize * pageSize)
                if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
            }
        }
        let bytes = try bytes(of: descriptor, size: max(size, 0), path: path)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) -> Result in
            try body(buffer) { _ in }
        }
    }

    /// Opens the file at `path` for reading, refusing a directory.
    private static func openFile(atPath path: String) throws(MetricLearnError) -> (descriptor: Int32, status: stat) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path: path, reason: openFailure(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .file(path: path, reason: systemMessage(code))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .file(path: path, reason: "is a directory, not a file")
        }
        return (descriptor, status)
    }

    /// The bytes read from `descriptor` (of the file at `path`, announcing `size` bytes) up to its end or the chunk
    /// holding its first NUL byte.
    private static func bytes(of descriptor: Int32, size: Int, path: String) throws(MetricLearnError) -> [UInt8] {
        try requireMemory(for: size, path: path)

        var bytes = [UInt8](repeating: 0, count: min(size + 1, initialReservation))
        var count = 0
        while true {
            if count == bytes.count {
                try requireMemory(for: 2 * bytes.count, path: path)
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let result = bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + count, min(buffer.count - count, chunkSize))
            }
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw .file(path: path, reason: "cannot be read: \(systemMessage(errno))")
            }
            count += result
            if bytes[(count - result)..<count].contains(0) { break }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Refuses to hold `byteCount` bytes of the file at `path` when the machine does not have them.
    private static func requireMemory(for byteCount: Int, path: String) throws(MetricLearnError) {
        let available = MemoryBudget.availableBytes
        guard Double(byteCount) > Double(available) else { return }
        throw .file(path: path, reason: "is larger than the \(MemoryBudget.describe(bytes: Double(available))) "
                        + "of memory available to read it into")
    }

    static func openFailure(_ code: Int32) -> String {
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
