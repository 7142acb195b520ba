import Foundation

/// Two classic datasets shipped with the library, for examples, tests and benchmarks.
extension Dataset {
    /// Fisher's iris flowers as in scikit-learn's `load_iris`: 150 samples, 4 features (sepal and
    /// petal length and width, in cm), 3 classes of 50 (`setosa`, `versicolor`, `virginica`).
    ///
    /// Loaded from the bundled `iris.csv` on first use, then kept.
    public static var iris: Dataset {
        get throws(MetricLearnError) { try bundledIris.get() }
    }

    /// The UCI wine recognition data as in scikit-learn's `load_wine`: 178 samples, 13 chemical
    /// measurements, 3 cultivars named `0`, `1`, `2` (59, 71 and 48 samples).
    ///
    /// Loaded from the bundled `wine.csv` on first use, then kept.
    public static var wine: Dataset {
        get throws(MetricLearnError) { try bundledWine.get() }
    }

    private static let bundledIris = Result { () throws(MetricLearnError) in try bundled("iris") }
    private static let bundledWine = Result { () throws(MetricLearnError) in try bundled("wine") }

    private static func bundled(_ name: String) throws(MetricLearnError) -> Dataset {
        try Dataset(csvFile: bundledResourcePath(name))
    }
}

/// The path of the bundled CSV file `name`.csv.
func bundledResourcePath(_ name: String) throws(MetricLearnError) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: "csv") else {
        throw .file(path: "\(name).csv", reason: "the bundled resource is missing from the MetricLearn bundle")
    }
    return url.path
}
