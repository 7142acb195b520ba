/// A model file as the start of a fit (a warm start, `TrainingTable.fit(_:standardizing:startingFrom:progress:)`):
/// the fit continues in the model's feature space, from the model's metric.
extension ModelFile {
    /// The table preprocessing of a warm start on a table read with `preprocessing` (nil: read as numbers): the
    /// model's own, fitted preprocessor, applied as it is (not refitted) so that the features are the model's.
    ///
    /// - Throws: `invalidData` (starting model) when the model preprocesses its input and the table is read as
    ///   numbers, the other way round, or with another configuration.
    public func startingPreprocessor(for preprocessing: TablePreprocessing?) throws(MetricLearnError)
        -> TablePreprocessor? {
        switch (tablePreprocessor, preprocessing) {
        case (nil, nil):
            return nil
        case let (preprocessor?, preprocessing?) where preprocessor.preprocessing == preprocessing:
            return preprocessor
        case (_?, nil):
            throw Self.incompatible("its columns are preprocessed (imputed or one-hot encoded)",
                                    "read the table with the same table preprocessing as its fit")
        case (nil, _?):
            throw Self.incompatible("it was fitted on numeric columns without table preprocessing",
                                    "read the table as numbers, as for its fit")
        case (_?, _?):
            throw Self.incompatible("its table preprocessing (imputer, encoder) is not the table's",
                                    "read the table with the same table preprocessing as its fit")
        }
    }

    /// The model's metric as the start of `configuration`'s fit on features named `featureNames`.
    ///
    /// - Throws: `invalidParameter` (startingFrom) when the learner cannot warm-start (it is no
    ///   `WarmStartLearner`); `invalidData` (starting model) when the features are not the model's (their number,
    ///   names or order), or when the learner's `componentCount` is set to another output dimension.
    public func startingMetric(for configuration: LearnerConfiguration,
                               featureNames: [String]) throws(MetricLearnError) -> MahalanobisMetric {
        guard let learner = configuration.learner as? any WarmStartLearner else {
            throw WarmStart.unsupported(by: configuration.learner)
        }
        guard metric.featureNames == featureNames else {
            let names = { (names: [String]) in "\(names.count) features (\(names.joined(separator: ", ")))" }
            throw Self.incompatible("it was fitted on \(names(metric.featureNames))",
                                    "the table has \(names(featureNames)); a warm start needs the same features")
        }
        if let k = learner.componentCount, k != metric.outputDimension {
            throw Self.incompatible("it has \(metric.outputDimension) component\(metric.outputDimension == 1 ? "" : "s")",
                                    "componentCount is \(k); leave it unset or set it to the model's")
        }
        return metric
    }

    /// What an `invalidData` error about the model a fit starts from names (its `what`).
    public static let startingModelName = "starting model"

    private static func incompatible(_ model: String, _ requirement: String) -> MetricLearnError {
        .invalidData(what: startingModelName, value: model, requirement: requirement)
    }
}

extension TablePreprocessing {
    /// This preprocessing fitted on `table`, or, for a warm start from `model`, the model's preprocessor
    /// (`ModelFile.startingPreprocessor(for:)`).
    func fit(_ table: RawTable, startingFrom model: ModelFile?) throws(MetricLearnError) -> TablePreprocessor {
        if let preprocessor = try model?.startingPreprocessor(for: self) { return preprocessor }
        return try fit(table)
    }
}

/// The learners that continue from a model, and the error for one that cannot.
enum WarmStart {
    /// The names of the registered learners that can warm-start.
    static var learnerNames: [String] {
        LearnerRegistry.all.filter(\.canWarmStart).map(\.name)
    }

    /// `invalidParameter` (startingFrom) for `learner`, which cannot continue from a model.
    static func unsupported(by learner: any MetricLearner) -> MetricLearnError {
        .invalidParameter(name: "startingFrom", value: type(of: learner).registration.name,
                          requirement: "it cannot continue from a model; \(learnerNames.joined(separator: ", ")) can")
    }
}
