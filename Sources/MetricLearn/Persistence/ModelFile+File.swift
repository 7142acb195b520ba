import Foundation

/// Model documents on disk.
extension ModelFile {
    /// Reads the model file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read (missing, a directory, no
    ///   permission), `.modelFile` when it is not a valid model document (see `init(jsonData:)`).
    public init(contentsOfFile path: String) throws(MetricLearnError) {
        try self.init(jsonData: Data(FileContents.bytes(atPath: path)))
    }

    /// Writes the document to `path` all-or-nothing (a temporary file renamed into place), so a
    /// failed write leaves an existing file untouched.
    ///
    /// - Throws: `MetricLearnError.file` naming what failed.
    public func write(toFile path: String) throws(MetricLearnError) {
        try AtomicFileWriter.write(jsonData(), to: path)
    }
}
