/// A raw table with a real-valued target per sample: a `RawTable` (feature columns of numbers or categories,
/// missing cells allowed) and each row's finite target.
///
/// The raw counterpart of `RegressionDataset`, as `RawDataset` is of `Dataset`: a `TablePreprocessor` fitted on
/// its table turns it (and any test split) into a `RegressionDataset`.
///
/// Encoded as `{"table": <RawTable>, "targets": [...]}`; decoding validates like the initializer.
public struct RawRegressionDataset: Sendable, Hashable, Codable {
    /// The feature columns.
    public let table: RawTable
    /// The target of each row, finite.
    public let targets: [Double]

    /// Creates a dataset, checking that the parts fit together.
    ///
    /// - Throws: `labelCountMismatch` when there is not one target per row, `invalidData` for a non-finite target or one beyond 1e150 in magnitude.
    public init(table: RawTable, targets: [Double]) throws(MetricLearnError) {
        try RegressionDataset.checkTargets(targets, rowCount: table.rowCount)
        self.init(unchecked: table, targets: targets)
    }

    /// Creates a dataset from parts already known to be consistent.
    init(unchecked table: RawTable, targets: [Double]) {
        self.table = table
        self.targets = targets
    }

    /// The number of samples (rows).
    public var sampleCount: Int { table.rowCount }

    /// The samples at `rows`, in that order (repeats allowed).
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> RawRegressionDataset {
        RawRegressionDataset(unchecked: table.subset(rows: rows), targets: rows.map { targets[$0] })
    }

    /// Decodes a raw dataset and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let table = try container.decode(RawTable.self, forKey: .table)
        let targets = try container.decode([Double].self, forKey: .targets)
        do {
            try self.init(table: table, targets: targets)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid raw regression dataset: \(error)"))
        }
    }
}
