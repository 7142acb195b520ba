/// A table with a real-valued target per sample, for regression: a `FeatureTable` (one row of `features` per
/// sample, named feature columns) and each sample's finite target in `targets`.
///
/// The regression counterpart of `Dataset` (class labels); `RawRegressionDataset` is the same shape around a
/// `RawTable`. Learners of regression targets (`MLKR`) and `KNearestNeighbors.fit(_:targets:metric:)` take it.
///
/// Encoded as `{"table": <FeatureTable>, "targets": [...]}`; decoding validates like the initializer.
public struct RegressionDataset: Sendable, Hashable, Codable {
    /// The feature columns.
    public let table: FeatureTable
    /// The target of each sample (row), finite.
    public let targets: [Double]

    /// Creates a dataset, checking that the parts fit together.
    ///
    /// - Throws: `labelCountMismatch` when there is not one target per row, `invalidData` for a non-finite
    ///   target or when `featureNames` does not name each column once.
    public init(features: Matrix, targets: [Double], featureNames: [String]) throws(MetricLearnError) {
        try self.init(table: FeatureTable(features: features, featureNames: featureNames), targets: targets)
    }

    /// Creates a dataset of `table`'s rows, checking the targets as `init(features:targets:featureNames:)`.
    public init(table: FeatureTable, targets: [Double]) throws(MetricLearnError) {
        try RegressionDataset.checkTargets(targets, rowCount: table.sampleCount)
        self.init(unchecked: table, targets: targets)
    }

    /// Creates a dataset from parts already known to be consistent.
    init(unchecked table: FeatureTable, targets: [Double]) {
        self.table = table
        self.targets = targets
    }

    /// The samples (rows) and their features (columns).
    public var features: Matrix { table.features }
    /// The name of each feature column.
    public var featureNames: [String] { table.featureNames }
    /// The number of samples (rows).
    public var sampleCount: Int { table.sampleCount }
    /// The number of features (columns).
    public var featureCount: Int { table.featureCount }

    /// The samples at `rows`, in that order (repeats allowed), with the same feature names.
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> RegressionDataset {
        RegressionDataset(unchecked: table.subset(rows: rows), targets: rows.map { targets[$0] })
    }

    /// Throws unless there is one finite target per row of a table of `rowCount` rows (`labelCountMismatch`,
    /// then `invalidData` naming the first target that is not finite or is beyond 1e150 in magnitude).
    static func checkTargets(_ targets: [Double], rowCount: Int) throws(MetricLearnError) {
        guard targets.count == rowCount else { throw .labelCountMismatch(sampleCount: rowCount, labelCount: targets.count) }
        try Validation.checkTargets(targets)
    }

    /// Decodes a dataset and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let table = try container.decode(FeatureTable.self, forKey: .table)
        let targets = try container.decode([Double].self, forKey: .targets)
        do {
            try self.init(table: table, targets: targets)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid regression dataset: \(error)"))
        }
    }
}
