/// Decoding checks that the parts fit together, so a malformed document is a `DecodingError`, never a
/// metric that traps or maps to NaN (the encoder is synthesised).
extension MahalanobisMetric {
    /// A part of a metric that does not fit the others, and why.
    enum Inconsistency: Equatable {
        case components(String)
        case featureNames(String)
        case featureWeights(String)
    }

    /// Why these parts do not make a metric (empty or non-finite components, one name per column missing,
    /// a repeated name, a negative weight or one naming an unknown feature), or `nil` when they do.
    static func inconsistency(components: Matrix, featureNames: [String],
                              featureWeights: [FeatureWeight]?) -> Inconsistency? {
        guard components.rowCount > 0, components.columnCount > 0 else { return .components("the matrix is empty") }
        if let (row, column) = components.firstNonFiniteIndex {
            return .components("non-finite value at row \(row), column \(column)")
        }
        guard featureNames.count == components.columnCount else {
            return .featureNames("\(featureNames.count) names for the \(components.columnCount) columns of the components")
        }
        let names = Set(featureNames)
        guard names.count == featureNames.count else { return .featureNames("a feature name appears twice") }
        if let invalid = featureWeights?.first(where: { !names.contains($0.feature) || !($0.weight >= 0) }) {
            return .featureWeights("the weight \(invalid.weight) of '\(invalid.feature)' "
                                   + "is not a non-negative weight of a listed feature")
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let components = try container.decode(Matrix.self, forKey: .components)
        let featureNames = try container.decode([String].self, forKey: .featureNames)
        let featureWeights = try container.decodeIfPresent([FeatureWeight].self, forKey: .featureWeights)
        if let inconsistency = Self.inconsistency(components: components, featureNames: featureNames,
                                                  featureWeights: featureWeights) {
            throw inconsistency.decodingError(in: container)
        }
        self.init(components: components, featureNames: featureNames, featureWeights: featureWeights,
                  report: try container.decode(FitReport.self, forKey: .report))
    }
}

extension MahalanobisMetric.Inconsistency {
    /// The decoding error naming the part's key in `container`, whose keys use the same names.
    func decodingError<Key: CodingKey>(in container: KeyedDecodingContainer<Key>) -> DecodingError {
        let (name, reason): (String, String) = switch self {
        case .components(let reason): ("components", reason)
        case .featureNames(let reason): ("featureNames", reason)
        case .featureWeights(let reason): ("featureWeights", reason)
        }
        guard let key = Key(stringValue: name) else {
            return DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: reason))
        }
        return DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: reason)
    }
}
