/// The JSON layout documented on `ModelFile`. Decoding checks that the parts fit together (one
/// feature name per column, finite components, a learner name matching its configuration, a table
/// preprocessor only from version 2 on and whose output features are the feature names, a pair threshold only
/// from version 3 on), so a malformed document is a `DecodingError`, never a trap.
extension ModelFile: Codable {
    private enum CodingKeys: String, CodingKey {
        case formatVersion, libraryVersion, learner, configuration, featureNames, components, featureWeights, report
        case tablePreprocessor, pairThreshold
    }

    /// The fit report without its configuration, which the document stores once, at the top.
    private struct Report: Codable {
        var iterations: Int
        var didConverge: Bool
        var objectiveHistory: [Double]
        var fitSeconds: Double
        var details: [String: Double]
        /// An `auto` fit's ranking (absent for every other learner).
        var ranking: LearnerRanking?
    }

    /// Decodes a model file, checking its format version and that its parts fit together.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .formatVersion, in: container,
                                                   debugDescription: "\(formatVersion) is not a format version (they start at 1)")
        }
        guard formatVersion <= Self.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "\(formatVersion) is newer than this version of MetricLearn "
                    + "(\(MetricLearnVersion.current)) can read (up to \(Self.currentFormatVersion)); upgrade MetricLearn")
        }
        let configuration = try container.decode(LearnerConfiguration.self, forKey: .configuration)
        let learner = try container.decode(String.self, forKey: .learner)
        guard learner == configuration.name else {
            throw DecodingError.dataCorruptedError(
                forKey: .learner, in: container,
                debugDescription: "'\(learner)' does not match the configuration's learner '\(configuration.name)'")
        }
        let components = try container.decode(Matrix.self, forKey: .components)
        let featureNames = try container.decode([String].self, forKey: .featureNames)
        let featureWeights = try container.decodeIfPresent([FeatureWeight].self, forKey: .featureWeights)
        if let inconsistency = MahalanobisMetric.inconsistency(components: components, featureNames: featureNames,
                                                               featureWeights: featureWeights) {
            throw inconsistency.decodingError(in: container)
        }
        let report = try container.decode(Report.self, forKey: .report)
        guard report.iterations >= 0, report.fitSeconds >= 0, report.fitSeconds.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: .report, in: container,
                debugDescription: "iterations (\(report.iterations)) and fitSeconds (\(report.fitSeconds)) must be non-negative")
        }

        let tablePreprocessor = try container.decodeIfPresent(TablePreprocessor.self, forKey: .tablePreprocessor)
        if let tablePreprocessor {
            guard formatVersion >= 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .tablePreprocessor, in: container,
                    debugDescription: "needs formatVersion 2 or later, not \(formatVersion) (older readers ignore it)")
            }
            guard tablePreprocessor.featureNames == featureNames else {
                throw DecodingError.dataCorruptedError(
                    forKey: .tablePreprocessor, in: container,
                    debugDescription: "its output features (\(tablePreprocessor.featureNames.joined(separator: ", "))) "
                        + "are not the featureNames")
            }
        }

        let pairThreshold = try container.decodeIfPresent(PairThreshold.self, forKey: .pairThreshold)
        if pairThreshold != nil {
            guard formatVersion >= Self.versionWithPairThreshold else {
                throw DecodingError.dataCorruptedError(
                    forKey: .pairThreshold, in: container,
                    debugDescription: "needs formatVersion \(Self.versionWithPairThreshold) or later, not \(formatVersion) "
                        + "(older readers ignore it)")
            }
        }

        let fitReport = FitReport(learner: configuration, iterations: report.iterations, didConverge: report.didConverge,
                                  objectiveHistory: report.objectiveHistory, fitSeconds: report.fitSeconds,
                                  details: report.details, ranking: report.ranking)
        self.init(formatVersion: formatVersion,
                  libraryVersion: try container.decodeIfPresent(String.self, forKey: .libraryVersion),
                  metric: MahalanobisMetric(components: components, featureNames: featureNames,
                                            featureWeights: featureWeights, report: fitReport),
                  tablePreprocessor: tablePreprocessor, pairThreshold: pairThreshold)
    }

    /// Encodes the model file in the layout documented on `ModelFile`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let fitReport = metric.report
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encodeIfPresent(libraryVersion, forKey: .libraryVersion)
        try container.encode(learner, forKey: .learner)
        try container.encode(fitReport.learner, forKey: .configuration)
        try container.encode(metric.featureNames, forKey: .featureNames)
        try container.encode(metric.components, forKey: .components)
        try container.encodeIfPresent(metric.featureWeights, forKey: .featureWeights)
        try container.encode(Report(iterations: fitReport.iterations, didConverge: fitReport.didConverge,
                                    objectiveHistory: fitReport.objectiveHistory, fitSeconds: fitReport.fitSeconds,
                                    details: fitReport.details, ranking: fitReport.ranking),
                             forKey: .report)
        try container.encodeIfPresent(tablePreprocessor, forKey: .tablePreprocessor)
        try container.encodeIfPresent(pairThreshold, forKey: .pairThreshold)
    }
}
