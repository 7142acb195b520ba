/// The learned weight of one original table column: the sum of the weights of the features it
/// became (its value for a numeric column, its indicators for a categorical one).
public struct ColumnWeight: Sendable, Hashable, Codable {
    /// The original column's name.
    public let column: String
    /// The sum of `features`' weights.
    public let weight: Double
    /// The weight of each feature the column became, in feature order.
    public let features: [FeatureWeight]

    /// Creates a column weight from its features' weights.
    public init(column: String, features: [FeatureWeight]) {
        self.column = column
        self.weight = features.reduce(0) { $0 + $1.weight }
        self.features = features
    }
}

/// Feature weights per original column.
extension TablePreprocessor {
    /// `featureWeights` (one per output feature, as `FeatureReweighting` reports them in
    /// `MahalanobisMetric.featureWeights`) summed per original column, most important first (ties
    /// keep column order). A numeric column's weight is its feature's; a categorical column's is the
    /// sum over its indicators (`island` = `island=Biscoe` + `island=Dream` + `island=Torgersen`).
    ///
    /// - Throws: `invalidData` (named `featureWeights`) unless every output feature has exactly
    ///   one finite weight and no other name appears.
    public func columnWeights(_ featureWeights: [FeatureWeight]) throws(MetricLearnError) -> [ColumnWeight] {
        var weightOfFeature: [String: FeatureWeight] = [:]
        for featureWeight in featureWeights {
            try Validation.requireData(featureWeight.weight.isFinite, "featureWeights",
                                       "'\(featureWeight.feature)': \(featureWeight.weight)", "weights must be finite")
            try Validation.requireData(weightOfFeature.updateValue(featureWeight, forKey: featureWeight.feature) == nil,
                                       "featureWeights", "'\(featureWeight.feature)' twice", "must name each feature once")
        }
        let known = Set(featureNames)
        if let unknown = featureWeights.first(where: { !known.contains($0.feature) }) {
            throw .invalidData(what: "featureWeights", value: "'\(unknown.feature)'",
                               requirement: "must name only the preprocessor's output features")
        }
        var columns: [ColumnWeight] = []
        for column in encoding.columns {
            var features: [FeatureWeight] = []
            for name in column.featureNames {
                guard let featureWeight = weightOfFeature[name] else {
                    throw .invalidData(what: "featureWeights", value: "no weight for '\(name)'",
                                       requirement: "must give a weight to every output feature")
                }
                features.append(featureWeight)
            }
            columns.append(ColumnWeight(column: column.name, features: features))
        }
        return columns.enumerated()
            .sorted { $0.element.weight > $1.element.weight || ($0.element.weight == $1.element.weight && $0.offset < $1.offset) }
            .map(\.element)
    }
}
