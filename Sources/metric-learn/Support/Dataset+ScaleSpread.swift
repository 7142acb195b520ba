import MetricLearn

/// How far apart the units of a dataset's features are.
extension Dataset {
    /// One feature's population standard deviation.
    struct FeatureSpread {
        let feature: String
        let standardDeviation: Double
    }

    /// The ratio of standard deviations from which `fit` suggests `--standardize` for a scale-dependent learner.
    /// Squared distances weigh a column by its variance, so at 100× the smaller column counts 10⁴ times less
    /// and barely moves the fit. Iris (4×) stays quiet; wine (proline against nonflavanoid phenols, 2500×) and
    /// the penguins table (body mass in grams against an island indicator, 2100×) do not.
    static let scaleWarningRatio = 100.0

    /// The features with the largest and the smallest standard deviation among the non-constant columns,
    /// or nil with fewer than two of them.
    var spreadExtremes: (largest: FeatureSpread, smallest: FeatureSpread)? {
        guard let standardization = try? StandardScaler().fit(features) else { return nil }
        let spreads = (0..<featureCount).compactMap { j -> FeatureSpread? in
            let column = features.column(j)
            guard let low = column.min(), let high = column.max(), low < high else { return nil }
            return FeatureSpread(feature: featureNames[j], standardDeviation: standardization.scales[j])
        }
        guard spreads.count >= 2,
              let largest = spreads.max(by: { $0.standardDeviation < $1.standardDeviation }),
              let smallest = spreads.min(by: { $0.standardDeviation < $1.standardDeviation }) else { return nil }
        return (largest, smallest)
    }
}
