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
        var means = sums
        var scales = (0..<d).map { j in
            Self.standardDeviation(variance: squaredDeviations[j] / Double(n), mean: means[j], count: n) ?? 1
        }
        for j in 0..<d where !(means[j].isFinite && squaredDeviations[j].isFinite) {
            (means[j], scales[j]) = Self.statistics(ofLargeColumn: x.column(j))
        }
        return Standardization(scaler: self, means: means, scales: scales)
    }

    /// The standard deviation √variance, or nil when the column is constant up to rounding (scikit-learn's test:
    /// variance ≤ n·ε·variance + (n·ε·mean)²), which keeps scale 1.
    private static func standardDeviation(variance: Double, mean: Double, count: Int) -> Double? {
        let (n, epsilon) = (Double(count), Double.ulpOfOne)
        let roundingBound = n * epsilon * variance + (n * mean * epsilon) * (n * mean * epsilon)
        return variance <= roundingBound ? nil : variance.squareRoot()
    }

    /// The mean and scale of a column whose sums overflow (values near ±1.7e308), computed on the values divided
    /// by a power of two (exact) and multiplied back: the standard deviation of finite values is finite. A constant
    /// column has its value as mean exactly, so that it standardises to zeros rather than to rounding errors of
    /// 1e292.
    private static func statistics(ofLargeColumn values: [Double]) -> (mean: Double, scale: Double) {
        if let first = values.first, values.allSatisfy({ $0 == first }) { return (first, 1) }
        let factor = FiniteArithmetic.scale(of: values)
        let scaled = values.map { $0 / factor }
        let mean = FiniteArithmetic.mean(scaled)
        let variance = scaled.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let deviation = Self.standardDeviation(variance: variance, mean: mean, count: values.count)
        return (FiniteArithmetic.clamped(mean * factor), deviation.map { FiniteArithmetic.clamped($0 * factor) } ?? 1)
    }
}
