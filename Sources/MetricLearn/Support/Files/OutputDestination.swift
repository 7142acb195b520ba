#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path given for writing leads to once its symbolic links are followed, and so how it is written.
enum OutputDestination: Equatable {
    /// A regular file at this path (which exists), or nothing yet: written to a temporary file beside it and
    /// renamed over it.
    case file(String)
    /// A character or block device, a FIFO, or one of the process's own descriptors (`/dev/stdout`,
    /// `/proc/self/fd/N`): written in place through this path, never replaced.
    case stream(String, isFIFO: Bool)

    /// The most symbolic links followed before giving up (the kernel's own limit, `MAXSYMLINKS`).
    private static let linkLimit = 40

    /// Where writing `path` goes: symbolic links are followed (a dangling one names the file to create), so the
    /// link stays and its target is written.
    ///
    /// - Throws: `file` for a directory, a socket, or a loop of links.
    init(resolving path: String) throws(MetricLearnError) {
        var current = path
        for _ in 0...Self.linkLimit {
            if Self.isDescriptorPath(current) {
                self = .stream(current, isFIFO: false)
                return
            }
            var status = stat()
            guard lstat(current, &status) == 0 else {
                self = .file(current)           // nothing there (or unreachable: creating it says why)
                return
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                guard let target = Self.linkTarget(current) else {
                    throw .file(path: path, reason: "cannot read the symbolic link \(current): "
                                    + FileContents.systemMessage(errno))
                }
                current = target.hasPrefix("/") ? target : Self.directory(of: current) + "/" + target
            case S_IFREG:
                self = .file(current)
                return
            case S_IFDIR:
                throw .file(path: path, reason: "is a directory, not a file")
            case S_IFCHR, S_IFBLK:
                self = .stream(current, isFIFO: false)
                return
            case S_IFIFO:
                self = .stream(current, isFIFO: true)
                return
            default:
                throw .file(path: path, reason: "is a socket or other special file, which cannot be written")
            }
        }
        throw .file(path: path, reason: "too many levels of symbolic links")
    }

    /// The directory holding `path` (`.` for a bare name, `/` for a file at the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether `path` names one of the process's own file descriptors, whose "link" is not a path to follow.
    private static func isDescriptorPath(_ path: String) -> Bool {
        path.hasPrefix("/proc/") || path.hasPrefix("/dev/fd/")
    }

    /// The text of the symbolic link at `path`.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension OutputDestination {
    /// Writes `bytes` in place to the stream at `target` (reported as `path`): a device or a FIFO keeps its
    /// identity, nothing is renamed. A FIFO that no process reads is refused rather than waited on.
    static func writeStream(_ bytes: UnsafeRawBufferPointer, to target: String, isFIFO: Bool,
                            path: String) throws(MetricLearnError) {
        let flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | O_APPEND | (isFIFO ? O_NONBLOCK : 0)
        let descriptor = open(target, flags)
        guard descriptor >= 0 else {
            let code = errno
            if isFIFO && code == ENXIO {
                throw .file(path: path, reason: "is a FIFO (named pipe) that no process is reading")
            }
            throw .file(path: path, reason: "cannot be opened for writing: \(FileContents.systemMessage(code))")
        }
        var isOpen = true
        defer { if isOpen { close(descriptor) } }
        if isFIFO { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
        try writeAll(bytes, to: descriptor, path: path)
        isOpen = false
        guard close(descriptor) == 0 else {
            throw .file(path: path, reason: "cannot finish writing: \(FileContents.systemMessage(errno))")
        }
    }

    /// Writes every byte to `descriptor`, retrying after interruptions.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws(MetricLearnError) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let result = write(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw .file(path: path, reason: "cannot write: \(FileContents.systemMessage(errno))")
            }
            written += result
        }
    }
}
