/// The shrinkage coefficient a fit used, the spectrum it gave, and — when `.crossValidated` chose it — the share of
/// same-class rows among the held-out rows' nearest neighbours under it.
struct ShrinkageChoice {
    let coefficient: Double
    let spectrum: WhiteningSpectrum
    let neighborAgreement: Double?
}

extension Whitening {
    /// The coefficients `.crossValidated` compares: from the covariance itself to a scaled identity, whose whitened
    /// distances are the Euclidean ones.
    static let crossValidatedCoefficients: [Double] = [0, 0.25, 0.5, 0.75, 1]
    /// `.crossValidated` scores the coefficients on about this many training rows, so its cost does not grow with n:
    /// evenly spread over each class's rows in proportion to the class, and at least two of every class.
    static let crossValidationRowLimit = 2000
    /// Row i of class c is held out in fold (i's position among c's rows) mod 5: stratified, and without a seed.
    static let crossValidationFoldCount = 5
    /// The neighbours each held-out row checks for its class: the library's k-NN default.
    static let crossValidationNeighborCount = 5

    /// The coefficient `shrinkage` asks for (`ledoitWolf()` estimating it, `.crossValidated` scoring every candidate
    /// against `labels`) and its spectrum.
    ///
    /// - Throws: `invalidParameter` for `.crossValidated` without labels; what `ledoitWolf` or `spectrum` throw.
    func chooseShrinkage(for x: Matrix, labels: [Int]?, ledoitWolf: () throws(MetricLearnError) -> Double,
                         spectrum: (Double) throws(MetricLearnError) -> WhiteningSpectrum)
        throws(MetricLearnError) -> ShrinkageChoice {
        let coefficient: Double
        switch shrinkage {
        case .none: coefficient = 0
        case let .fixed(lambda): coefficient = lambda
        case .ledoitWolf: coefficient = try ledoitWolf()
        case .crossValidated:
            guard let labels else {
                throw .invalidParameter(name: "shrinkage", value: shrinkage.parameterText,
                                        requirement: "needs class labels: call fit(_:labels:), or choose none, "
                                            + "ledoit-wolf or a coefficient")
            }
            let (best, agreement) = try crossValidatedCoefficient(for: x, labels: labels)
            return ShrinkageChoice(coefficient: best, spectrum: try spectrum(best), neighborAgreement: agreement)
        }
        return ShrinkageChoice(coefficient: coefficient, spectrum: try spectrum(coefficient), neighborAgreement: nil)
    }

    /// The candidate under which the held-out rows of the folds have the most same-class rows among their nearest
    /// neighbours in the rest of the sample (each fold's metric fitted on the rest alone, so that no row helps to
    /// shape the metric it is scored in), with that share. A tie goes to the larger coefficient, the more conservative
    /// metric: with no evidence at all (folds too small to fit), the Euclidean distance, and no share.
    private func crossValidatedCoefficient(for x: Matrix, labels: [Int]) throws(MetricLearnError)
        -> (coefficient: Double, agreement: Double?) {
        let rows = Self.crossValidationSample(labels: labels)
        let sampleLabels = rows.map { labels[$0] }
        var positions: [Int: Int] = [:]
        let folds = sampleLabels.map { label in
            defer { positions[label, default: 0] += 1 }
            return positions[label, default: 0] % Self.crossValidationFoldCount
        }
        let candidates = Self.crossValidatedCoefficients
        var agreements = [Int](repeating: 0, count: candidates.count)
        var checked = 0
        for fold in 0..<Self.crossValidationFoldCount {
            let held = rows.indices.filter { folds[$0] == fold }
            let kept = rows.indices.filter { folds[$0] != fold }
            let keptLabels = kept.map { sampleLabels[$0] }
            let groupCount = mode == .withinClass ? Set(keptLabels).count : 1
            guard !held.isEmpty, kept.count > groupCount else { continue }
            let (fitRows, heldRows) = (x.rows(at: kept.map { rows[$0] }), x.rows(at: held.map { rows[$0] }))
            let k = min(Self.crossValidationNeighborCount, kept.count)
            do {
                try withSpectra(of: fitRows, labels: keptLabels) { _, spectrum throws(MetricLearnError) in
                    for (index, coefficient) in candidates.enumerated() {
                        let components = try spectrum(coefficient).components
                        let neighbors = NeighborSearch.nearest(to: heldRows.timesTransposed(components),
                                                               in: fitRows.timesTransposed(components), count: k).indices
                        for (position, neighbor) in neighbors.enumerated()
                        where keptLabels[neighbor] == sampleLabels[held[position / k]] {
                            agreements[index] += 1
                        }
                    }
                }
            } catch .emptyInput {
                continue  // every feature constant on the rest of this fold: it has no metric to score
            }
            checked += held.count * k
        }
        var best = candidates.count - 1
        for index in candidates.indices.reversed() where agreements[index] > agreements[best] { best = index }
        return (candidates[best], checked == 0 ? nil : Double(agreements[best]) / Double(checked))
    }

    /// The rows `.crossValidated` scores on, in order: every row up to the limit; above it, each class's rows evenly
    /// strided, in proportion to the class's share but at least two (so no class is lost, whatever the row order).
    static func crossValidationSample(labels: [Int]) -> [Int] {
        let n = labels.count
        guard n > crossValidationRowLimit else { return Array(0..<n) }
        var rowsOfClass: [Int: [Int]] = [:]
        for (row, label) in labels.enumerated() { rowsOfClass[label, default: []].append(row) }
        var sample: [Int] = []
        for classRows in rowsOfClass.values {
            let count = min(classRows.count, max(2, classRows.count * crossValidationRowLimit / n))
            sample += (0..<count).map { classRows[$0 * classRows.count / count] }
        }
        return sample.sorted()
    }
}
