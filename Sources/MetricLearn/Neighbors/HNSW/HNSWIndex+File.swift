import Foundation

/// Index files: a one-line JSON header that ties the graph to the metric and the training rows it was built
/// from, then the graph in hnswlib's `saveIndex` layout. See <doc:ApproximateNeighbors>.
///
/// The header (sorted keys) holds the format and library versions, the parameters, the metric's shape
/// (`inputDimension` → `dimension`) and checksums of its components, of the training rows (the features as read,
/// before the metric) and of the graph's bytes, and the graph's length. Reading checks them all in that order,
/// then every size, link and level of the graph, before hnswlib sees a byte: an index of another metric, of other
/// rows, a truncated or a damaged file is an `invalidData` error naming the mismatch.
extension HNSWIndex {
    /// The header line of an index file.
    struct FileHeader: Codable, Equatable {
        static let formatName = "metric-learn HNSW index"
        static let currentFormatVersion = 1

        var format: String
        var formatVersion: Int
        var libraryVersion: String
        var parameters: HNSWParameters
        var rowCount: Int
        var inputDimension: Int
        var dimension: Int
        /// The checksum of the metric's components (nil: the index is of the rows themselves, no metric).
        var componentsChecksum: String?
        var rowsChecksum: String
        var graphBytes: Int
        var graphChecksum: String
    }

    /// Writes the index to `path` (atomically, `AtomicFileWriter`), recording `metric` (nil: the index is of
    /// `trainingFeatures` themselves) and `trainingFeatures`, the rows it was built from before the metric mapped
    /// them.
    ///
    /// - Throws: `invalidData` when `trainingFeatures` or `metric` do not have the index's shape; `file` when the
    ///   file cannot be written.
    public func write(toFile path: String, metric: MahalanobisMetric?, trainingFeatures: Matrix) throws(MetricLearnError) {
        let inputDimension = metric?.inputDimension ?? dimension
        try Validation.requireData(trainingFeatures.rowCount == count && trainingFeatures.columnCount == inputDimension,
                                   "training features", "\(trainingFeatures.rowCount) rows × \(trainingFeatures.columnCount)",
                                   "must be the \(count) rows × \(inputDimension) the index was built from")
        try Validation.requireData((metric?.outputDimension ?? dimension) == dimension, "metric",
                                   "\(metric?.outputDimension ?? dimension) output dimensions",
                                   "must map to the index's \(dimension) dimensions")
        let graphBytes = graph.serialized()
        let header = FileHeader(format: FileHeader.formatName, formatVersion: FileHeader.currentFormatVersion,
                                libraryVersion: MetricLearnVersion.current, parameters: parameters, rowCount: count,
                                inputDimension: inputDimension, dimension: dimension,
                                componentsChecksum: metric.map { Checksum($0.components.elements).description },
                                rowsChecksum: Checksum(trainingFeatures.elements).description,
                                graphBytes: graphBytes.count, graphChecksum: Checksum(graphBytes).description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data: Data
        do {
            data = try encoder.encode(header)
        } catch {
            preconditionFailure("an index header always encodes: \(error)")
        }
        data.append(UInt8(ascii: "\n"))
        data.append(contentsOf: graphBytes)
        try AtomicFileWriter.write(data, to: path)
    }

    /// Reads the index in the file at `path`, which must have been written for `metric` and `trainingFeatures`
    /// (as `write(toFile:metric:trainingFeatures:)` was given them).
    ///
    /// - Throws: `file` when the file cannot be read; `invalidData` (what: "index") naming the first mismatch: not
    ///   an index file, a newer format, another metric (shape or components), other training rows (count or
    ///   contents), a truncated or damaged graph.
    public init(contentsOfFile path: String, metric: MahalanobisMetric?, trainingFeatures: Matrix) throws(MetricLearnError) {
        let bytes = try FileContents.bytes(atPath: path)
        let header = try Self.header(of: bytes)
        func mismatch(_ value: String, _ requirement: String) -> MetricLearnError {
            .invalidData(what: "index", value: value, requirement: requirement)
        }
        let shape = (input: metric?.inputDimension ?? trainingFeatures.columnCount,
                     output: metric?.outputDimension ?? trainingFeatures.columnCount)
        guard header.inputDimension == shape.input && header.dimension == shape.output else {
            throw mismatch("built for a metric from \(header.inputDimension) to \(header.dimension) dimensions",
                           "must be built for this metric (\(shape.input) to \(shape.output) dimensions)")
        }
        let components = metric.map { Checksum($0.components.elements).description }
        guard header.componentsChecksum == components else {
            throw mismatch(header.componentsChecksum.map { "built for another metric (components checksum \($0))" }
                               ?? "built without a metric",
                           components.map { "must be built for this metric (components checksum \($0))" }
                               ?? "must be built without a metric")
        }
        guard header.rowCount == trainingFeatures.rowCount else {
            throw mismatch("built on \(header.rowCount) training rows",
                           "must be built on these \(trainingFeatures.rowCount) training rows")
        }
        let rows = Checksum(trainingFeatures.elements).description
        guard header.rowsChecksum == rows else {
            throw mismatch("built on other training rows (rows checksum \(header.rowsChecksum))",
                           "must be built on these training rows (rows checksum \(rows))")
        }
        let graphStart = bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
        let graphBytes = bytes[graphStart...]
        guard graphBytes.count == header.graphBytes else {
            throw mismatch(graphBytes.count < header.graphBytes
                               ? "truncated (\(graphBytes.count) of \(header.graphBytes) graph bytes)"
                               : "\(graphBytes.count - header.graphBytes) bytes longer than its graph",
                           "must be a complete index file from 'metric-learn index build'")
        }
        guard graphBytes.withUnsafeBytes({ Checksum(bytes: $0) }).description == header.graphChecksum else {
            throw mismatch("damaged (the graph's checksum is not the one recorded)",
                           "must be an unmodified index file from 'metric-learn index build'")
        }
        try header.parameters.validate()
        let graph = try HNSWGraph.load(graphBytes, dimension: header.dimension)
        guard graph.count == header.rowCount else {
            throw mismatch("a graph of \(graph.count) rows under a header of \(header.rowCount)",
                           "must be an unmodified index file from 'metric-learn index build'")
        }
        self.init(graph: graph, parameters: header.parameters)
    }

    /// The header line of the file `bytes`.
    private static func header(of bytes: [UInt8]) throws(MetricLearnError) -> FileHeader {
        let notAnIndex = MetricLearnError.invalidData(what: "index", value: "not an index file",
                                                      requirement: "must be written by 'metric-learn index build'")
        guard let end = bytes.prefix(Self.headerLimit).firstIndex(of: UInt8(ascii: "\n")) else { throw notAnIndex }
        /// What every version's header has: read first, so that a newer file is reported as such.
        struct Version: Decodable {
            var format: String
            var formatVersion: Int
        }
        let text = Data(bytes[..<end])
        guard let version = try? JSONDecoder().decode(Version.self, from: text), version.format == FileHeader.formatName
        else { throw notAnIndex }
        guard version.formatVersion <= FileHeader.currentFormatVersion else {
            throw .invalidData(what: "index", value: "format version \(version.formatVersion)",
                               requirement: "this build reads versions up to \(FileHeader.currentFormatVersion)")
        }
        guard let header = try? JSONDecoder().decode(FileHeader.self, from: text) else { throw notAnIndex }
        return header
    }

    /// The longest header line looked for (a header is a few hundred bytes).
    static let headerLimit = 1 << 16
}
