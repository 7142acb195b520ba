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

    /// The rows of `x` standardized with the training statistics. A difference x − mean beyond Double's range
    /// (values near ±1.7e308 of opposite signs) is taken in halves, so only a result that is itself too large fails.
    ///
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞, `overflow` naming the row
    ///   whose standardized value is beyond Double's range (far outside the training values, in units of a tiny
    ///   standard deviation).
    public func transform(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        try Validation.checkTransformInput(x, expectedWidth: featureCount)
        let (offsets, divisors) = appliedStatistics
        return try map(x, operation: "standardising") { value, j in
            let z = (value - offsets[j]) / divisors[j]
            return z.isFinite ? z : (value / 2 - offsets[j] / 2) / (divisors[j] / 2)
        }
    }

    /// The inverse map: standardized rows back to the original units, x = z · scale + mean.
    ///
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞, `overflow` naming a row
    ///   whose value in the original units is beyond Double's range.
    public func inverseTransform(_ z: Matrix) throws(MetricLearnError) -> Matrix {
        try Validation.checkTransformInput(z, expectedWidth: featureCount)
        let (offsets, divisors) = appliedStatistics
        return try map(z, operation: "undoing the standardisation of") { value, j in value * divisors[j] + offsets[j] }
    }

    /// The means and scales `transform` applies: zeros and ones for the steps the scaler skips.
    private var appliedStatistics: (offsets: [Double], divisors: [Double]) {
        (scaler.subtractsMean ? means : [Double](repeating: 0, count: featureCount),
         scaler.dividesByStandardDeviation ? scales : [Double](repeating: 1, count: featureCount))
    }

    /// `x` with `transform(value, column)` applied to every element; a result beyond Double's range is an
    /// `overflow` of `operation` on its feature.
    private func map(_ x: Matrix, operation: String, _ transform: (Double, Int) -> Double) throws(MetricLearnError)
        -> Matrix {
        let (n, d) = (x.rowCount, x.columnCount)
        var elements = x.elements
        elements.withUnsafeMutableBufferPointer { values in
            for i in 0..<n {
                for j in 0..<d { values[i * d + j] = transform(values[i * d + j], j) }
            }
        }
        let result = Matrix(rowCount: n, columnCount: d, elements: elements)
        if let (row, column) = result.firstNonFiniteIndex {
            throw .overflow(row: row, column: nil, what: "\(operation) feature \(column + 1)")
        }
        return result
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
