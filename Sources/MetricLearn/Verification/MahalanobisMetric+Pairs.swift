/// Distances of pairs of rows: what every pair verifier scores.
extension MahalanobisMetric {
    /// The learned distance ‖L(xₐ − x_b)‖ of each pair of rows of `x`, in the order given.
    ///
    /// Differences are taken before the map (so nearly equal rows lose no digits to cancellation) and multiplied
    /// by Lᵀ with one `dgemm` per block of `pairBlockSize` pairs: O(p·d·k) time, O(block·d) memory.
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞, `invalidData` (named
    ///   `pairs[i]`) for a row index outside `x`.
    public func pairDistances(_ x: Matrix, pairs: [PairConstraints.Pair]) throws(MetricLearnError) -> [Double] {
        try Validation.checkTransformInput(x, expectedWidth: inputDimension)
        for (index, pair) in pairs.enumerated()
        where !(0..<x.rowCount).contains(pair.first) || !(0..<x.rowCount).contains(pair.second) {
            throw .invalidData(what: "pairs[\(index)]", value: "(\(pair.first), \(pair.second))",
                               requirement: "row indices must be in 0..<\(x.rowCount)")
        }
        let k = outputDimension
        var distances: [Double] = []
        distances.reserveCapacity(pairs.count)
        for start in stride(from: 0, to: pairs.count, by: Self.pairBlockSize) {
            let block = pairs[start..<min(pairs.count, start + Self.pairBlockSize)]
            let image = x.pairDifferences(block).timesTransposed(components)
            for row in 0..<block.count {
                var sum = 0.0
                for c in 0..<k { sum += image[row, c] * image[row, c] }
                distances.append(sum.squareRoot())
            }
        }
        return distances
    }

    /// Pairs whose differences `pairDistances` maps with one product.
    static let pairBlockSize = 4096
}

/// A metric with a threshold: says whether two samples are the same entity (a pair classifier, metric-learn's
/// `_PairsClassifierMixin`). A pair is similar (+1) when its distance is at most the threshold, else dissimilar
/// (−1); its score is −distance, higher for more similar pairs.
///
/// ```swift
/// let threshold = try PairThreshold(calibrating: .accuracy, distances: metric.pairDistances(x, pairs: valid),
///                                   similar: validSimilar)
/// let classifier = PairClassifier(metric: metric, threshold: threshold)
/// let predictions = try classifier.predict(x, pairs: test)      // +1 or −1 per pair
/// ```
public struct PairClassifier: Sendable, Hashable {
    /// The metric that measures pairs.
    public let metric: MahalanobisMetric
    /// The threshold on its distances.
    public let threshold: PairThreshold

    /// A classifier of pairs by `metric` at `threshold`.
    public init(metric: MahalanobisMetric, threshold: PairThreshold) {
        self.metric = metric
        self.threshold = threshold
    }

    /// The distance of each pair (`MahalanobisMetric.pairDistances`).
    public func distances(_ x: Matrix, pairs: [PairConstraints.Pair]) throws(MetricLearnError) -> [Double] {
        try metric.pairDistances(x, pairs: pairs)
    }

    /// The score of each pair, −distance: higher is more similar (metric-learn's `decision_function`).
    public func scores(_ x: Matrix, pairs: [PairConstraints.Pair]) throws(MetricLearnError) -> [Double] {
        try distances(x, pairs: pairs).map { -$0 }
    }

    /// +1 for each pair predicted similar, −1 for each predicted dissimilar.
    public func predict(_ x: Matrix, pairs: [PairConstraints.Pair]) throws(MetricLearnError) -> [Int] {
        try distances(x, pairs: pairs).map { threshold.accepts($0) ? 1 : -1 }
    }
}
