/// A fitted `StandardScaler`: the training columns' means and scales, applied as
/// z = (x − mean) / scale (each step only if the scaler asked for it).
///
/// Encoded as `{"scaler": {…}, "means": [...], "scales": [...]}`. Decoding checks one mean and one
/// positive finite scale per feature and finite means, so a malformed file is a `DecodingError`.
public struct Standardization: Sendable, Hashable, Codable {
    /// The configuration this was fitted with.
    public let scaler: StandardScaler
    /// The mean of each training column.
    public let means: [Double]
    /// The population standard deviation (ddof = 0) of each training column; 1 for a constant column.
    public let scales: [Double]

    init(scaler: StandardScaler, means: [Double], scales: [Double]) {
        self.scaler = scaler
        self.means = means
        self.scales = scales
    }

    /// The number of feature columns it was fitted on.
    public var featureCount: Int { means.count }

    /// The rows of `x` standardized with the training statistics.
    ///
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞.
    public func transform(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        try Validation.checkTransformInput(x, expectedWidth: featureCount)
        let (offsets, divisors) = appliedStatistics
        return map(x) { value, j in (value - offsets[j]) / divisors[j] }
    }

    /// The inverse map: standardized rows back to the original units, x = z · scale + mean.
    ///
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞.
    public func inverseTransform(_ z: Matrix) throws(MetricLearnError) -> Matrix {
        try Validation.checkTransformInput(z, expectedWidth: featureCount)
        let (offsets, divisors) = appliedStatistics
        return map(z) { value, j in value * divisors[j] + offsets[j] }
    }

    /// The means and scales `transform` applies: zeros and ones for the steps the scaler skips.
    private var appliedStatistics: (offsets: [Double], divisors: [Double]) {
        (scaler.subtractsMean ? means : [Double](repeating: 0, count: featureCount),
         scaler.dividesByStandardDeviation ? scales : [Double](repeating: 1, count: featureCount))
    }

    /// `x` with `transform(value, column)` applied to every element.
    private func map(_ x: Matrix, _ transform: (Double, Int) -> Double) -> Matrix {
        let (n, d) = (x.rowCount, x.columnCount)
        var elements = x.elements
        elements.withUnsafeMutableBufferPointer { values in
            for i in 0..<n {
                for j in 0..<d { values[i * d + j] = transform(values[i * d + j], j) }
            }
        }
        return Matrix(rowCount: n, columnCount: d, elements: elements)
    }
}

extension Standardization {
    /// Decodes a standardization; anything but one finite mean and one positive finite scale per feature is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scaler = try container.decode(StandardScaler.self, forKey: .scaler)
        let means = try container.decode([Double].self, forKey: .means)
        let scales = try container.decode([Double].self, forKey: .scales)
        guard !means.isEmpty, means.count == scales.count, means.allSatisfy(\.isFinite),
              scales.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .scales, in: container,
                debugDescription: "a standardization needs one finite mean and one positive finite scale per feature")
        }
        self.init(scaler: scaler, means: means, scales: scales)
    }
}
