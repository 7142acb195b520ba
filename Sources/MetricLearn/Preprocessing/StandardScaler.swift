/// Standardizes features: z = (x − mean) / standard deviation, column by column, as
/// scikit-learn's `StandardScaler`.
///
/// The standard deviation is the population one (ddof = 0). A column that is constant up to
/// rounding (variance ≤ n·ε·variance + (n·ε·mean)², scikit-learn's test) keeps scale 1, so it
/// becomes all zeros instead of NaN.
///
/// ```swift
/// let standardization = try StandardScaler().fit(train)
/// let z = try standardization.transform(test)
/// ```
public struct StandardScaler: Sendable, Hashable, Codable {
    /// Whether `transform` subtracts the column means (scikit-learn's `with_mean`, default true).
    public var subtractsMean: Bool
    /// Whether `transform` divides by the column standard deviations (scikit-learn's `with_std`,
    /// default true).
    public var dividesByStandardDeviation: Bool

    /// Creates a scaler configuration.
    public init(subtractsMean: Bool = true, dividesByStandardDeviation: Bool = true) {
        self.subtractsMean = subtractsMean
        self.dividesByStandardDeviation = dividesByStandardDeviation
    }

    /// Learns the column means and standard deviations of `x` (rows are samples).
    ///
    /// - Throws: `emptyInput` for no rows or columns, `nonFiniteValue` for NaN/∞.
    /// - Complexity: O(n·d), two passes over the data.
    public func fit(_ x: Matrix) throws(MetricLearnError) -> Standardization {
        try Validation.checkFeatures(x)
        let (n, d) = (x.rowCount, x.columnCount)
        var sums = [Double](repeating: 0, count: d)
        var squaredDeviations = [Double](repeating: 0, count: d)
        x.elements.withUnsafeBufferPointer { values in
            for i in 0..<n {
                for j in 0..<d { sums[j] += values[i * d + j] }
            }
            for j in 0..<d { sums[j] /= Double(n) }
            for i in 0..<n {
                for j in 0..<d {
                    let deviation = values[i * d + j] - sums[j]
                    squaredDeviations[j] += deviation * deviation
                }
            }
        }
        let means = sums
        let count = Double(n)
        let epsilon = Double.ulpOfOne
        let scales = (0..<d).map { j in
            let variance = squaredDeviations[j] / count
            let roundingBound = count * epsilon * variance + (count * means[j] * epsilon) * (count * means[j] * epsilon)
            return variance <= roundingBound ? 1 : variance.squareRoot()
        }
        return Standardization(scaler: self, means: means, scales: scales)
    }
}
