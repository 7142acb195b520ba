/// An unlabelled table: samples (rows) with named numeric feature columns.
///
/// This is what `transform` and `predict` read: a `Dataset` without the labels. Keeping the two
/// types apart means code that needs labels never has to unwrap an optional.
///
/// Encoded as `{"features": <Matrix>, "featureNames": [...]}`; decoding validates like the initializer.
public struct FeatureTable: Sendable, Hashable, Codable {
    /// The samples (rows) and their features (columns).
    public let features: Matrix
    /// The name of each feature column.
    public let featureNames: [String]

    /// Creates a table, checking that `featureNames` names each column once.
    ///
    /// - Throws: `invalidData` for a wrong number of names or a repeated name.
    public init(features: Matrix, featureNames: [String]) throws(MetricLearnError) {
        guard featureNames.count == features.columnCount else {
            throw .invalidData(what: "featureNames", value: "\(featureNames.count) names",
                               requirement: "must name each of the \(features.columnCount) feature columns once")
        }
        try Validation.requireDistinct(featureNames, kind: "featureNames")
        self.init(unchecked: features, featureNames: featureNames)
    }

    /// Creates a table from parts already known to be consistent.
    init(unchecked features: Matrix, featureNames: [String]) {
        self.features = features
        self.featureNames = featureNames
    }

    /// The number of samples (rows).
    public var sampleCount: Int { features.rowCount }

    /// The number of features (columns).
    public var featureCount: Int { features.columnCount }

    /// The rows at `rows`, in that order (repeats allowed).
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> FeatureTable {
        FeatureTable(unchecked: features.rows(at: rows), featureNames: featureNames)
    }
}

extension FeatureTable {
    /// Decodes a feature table and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let features = try container.decode(Matrix.self, forKey: .features)
        let featureNames = try container.decode([String].self, forKey: .featureNames)
        do {
            try self.init(features: features, featureNames: featureNames)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid feature table: \(error)"))
        }
    }
}
