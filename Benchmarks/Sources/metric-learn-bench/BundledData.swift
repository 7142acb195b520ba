import MetricLearn

/// The data sets bundled with MetricLearn (`Dataset.iris` 150×4, `Dataset.wine` 178×13).
enum BundledData: String, CaseIterable {
    case iris
    case wine

    /// Rows and feature columns of the table (known without loading it, to name cases).
    var shape: (sampleCount: Int, featureCount: Int) {
        switch self {
        case .iris: (150, 4)
        case .wine: (178, 13)
        }
    }

    /// The data set, through MetricLearn's public API.
    func load() throws -> Dataset {
        switch self {
        case .iris: try Dataset.iris
        case .wine: try Dataset.wine
        }
    }
}
