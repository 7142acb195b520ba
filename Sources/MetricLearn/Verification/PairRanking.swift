/// Labelled pair distances ranked from the nearest: at each distinct distance, how many similar pairs (true
/// positives) and dissimilar pairs (false positives) a threshold at that distance accepts (distance ≤ it).
///
/// This is scikit-learn's `_binary_clf_curve` on the scores −distance, which every curve and calibration here
/// starts from. Sorting costs O(p log p) for p pairs; the counts O(p).
struct PairRanking {
    /// The distinct distances, ascending.
    let distances: [Double]
    /// Similar pairs at distance ≤ `distances[i]`.
    let truePositives: [Int]
    /// Dissimilar pairs at distance ≤ `distances[i]`.
    let falsePositives: [Int]

    /// Ranks `distances` labelled by `similar`.
    ///
    /// - Throws: `emptyInput` for no pairs, `invalidData` for a count mismatch, a non-finite distance or pairs
    ///   of one kind only (rates need both).
    init(distances: [Double], similar: [Bool]) throws(MetricLearnError) {
        try Self.validate(distances: distances, similar: similar)
        let order = distances.indices.sorted { distances[$0] < distances[$1] }
        var ranked: [Double] = [], truePositives: [Int] = [], falsePositives: [Int] = []
        var positives = 0, negatives = 0
        for (position, index) in order.enumerated() {
            if similar[index] { positives += 1 } else { negatives += 1 }
            let isLastOfGroup = position + 1 == order.count || distances[order[position + 1]] != distances[index]
            guard isLastOfGroup else { continue }
            ranked.append(distances[index])
            truePositives.append(positives)
            falsePositives.append(negatives)
        }
        self.distances = ranked
        self.truePositives = truePositives
        self.falsePositives = falsePositives
    }

    /// The number of similar pairs.
    var positiveCount: Int { truePositives[truePositives.count - 1] }
    /// The number of dissimilar pairs.
    var negativeCount: Int { falsePositives[falsePositives.count - 1] }
    /// The number of pairs.
    var pairCount: Int { positiveCount + negativeCount }

    /// One distance per label, every distance finite, and both kinds of pair present.
    static func validate(distances: [Double], similar: [Bool]) throws(MetricLearnError) {
        guard !distances.isEmpty else { throw .emptyInput(what: "no pairs") }
        try Validation.requireData(similar.count == distances.count, "similar", "\(similar.count) labels",
                                   "needs one label per pair (\(distances.count))")
        if let index = distances.firstIndex(where: { !$0.isFinite }) {
            throw .invalidData(what: "distances[\(index)]", value: "\(distances[index])", requirement: "must be finite")
        }
        let similarCount = similar.count { $0 }
        try Validation.requireData(similarCount > 0 && similarCount < similar.count, "similar",
                                   "\(similarCount) similar and \(similar.count - similarCount) dissimilar pairs",
                                   "rates need at least one similar and one dissimilar pair")
    }
}
