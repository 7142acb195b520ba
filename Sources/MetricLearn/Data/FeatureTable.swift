/// An unlabelled table: samples (rows) with named numeric feature columns.
///
/// This is what `transform` and `predict` read: a `Dataset` without the labels. Keeping the two
/// types apart means code that needs labels never has to unwrap an optional.
public struct FeatureTable: Sendable, Hashable {
    /// The samples (rows) and their features (columns).
    public let features: Matrix
    /// The name of each feature column.
    public let featureNames: [String]

    /// Creates a table, checking that `featureNames` names each column once.
    ///
    /// - Throws: `invalidParameter` for a wrong number of names or a repeated name.
    public init(features: Matrix, featureNames: [String]) throws(MetricLearnError) {
        try Dataset.checkNames(featureNames, kind: "featureNames", expectedCount: features.columnCount)
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
}
