import Foundation

/// A file a command reads or writes, by the option that names it.
struct FileOperand {
    /// The option as typed (`--input`), or the argument's name.
    let option: String
    /// The path given.
    let path: String
}

/// A command that reads and writes files. The root command checks, before the command runs, that no file is named
/// by an empty path and that no output is one of its inputs: `--output data.csv` with `--input data.csv` would
/// replace the data it reads. Both are usage errors (64) naming the options. Every command that writes a file
/// declares its files here.
protocol FileCommand {
    /// The files the command reads.
    var inputFiles: [FileOperand] { get }
    /// The files the command writes.
    var outputFiles: [FileOperand] { get }
}

extension FileCommand {
    /// Throws a usage failure when a file's path is empty (`--output ""`), or when an output is an existing regular
    /// file that is also an input (the same file, through another path, a symbolic or a hard link included).
    /// Devices and pipes may be both.
    func checkFileOperands() throws(CommandFailure) {
        if let empty = (inputFiles + outputFiles).first(where: { $0.path.isEmpty }) {
            throw CommandFailure(message: "\(empty.option) is empty: name a file", exitCode: .usage)
        }
        for output in outputFiles {
            guard let target = Self.regularFileIdentity(output.path) else { continue }
            for input in inputFiles where Self.regularFileIdentity(input.path) == target {
                throw CommandFailure(
                    message: "\(output.option) \(output.path) is the file read by \(input.option) \(input.path); "
                        + "writing it would replace that input: choose another output",
                    exitCode: .usage)
            }
        }
    }

    /// The device and inode of the regular file at `path` (links followed), or nil.
    private static func regularFileIdentity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}
