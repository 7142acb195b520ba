import Foundation

/// Model documents as JSON text.
extension ModelFile {
    /// The document as pretty-printed JSON with sorted keys (stable, diff-friendly output).
    ///
    /// - Throws: `MetricLearnError.modelFile` if the metric cannot be encoded.
    public func jsonData() throws(MetricLearnError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = Self.nonFiniteNumbers.encoding
        do {
            var data = try encoder.encode(self)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw .modelFile(reason: "cannot encode the model: \(error)")
        }
    }

    /// Reads a document from JSON.
    ///
    /// - Throws: `MetricLearnError.modelFile` naming the problem: not JSON, a missing or mistyped
    ///   key (with its path, e.g. `components.values[3]`), a `formatVersion` newer than this build
    ///   reads, or parts that do not fit together.
    public init(jsonData: Data) throws(MetricLearnError) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteNumbers.decoding
        do {
            self = try decoder.decode(ModelFile.self, from: jsonData)
        } catch let error as DecodingError {
            throw .modelFile(reason: error.modelFileDescription)
        } catch {
            throw .modelFile(reason: "\(error)")
        }
    }

    private static let nonFiniteNumbers = (
        encoding: JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"),
        decoding: JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    )
}

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
