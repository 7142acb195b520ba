/// NCA's objective for `StochasticNeighbors`: pᵢ = Σ_{j: yⱼ = yᵢ} pᵢⱼ, the probability that sample i's stochastic
/// neighbour has its class, so f = Σᵢ pᵢ is the expected number of samples classified correctly.
///
/// The weighted sum is the same-class part of the normaliser (v(i, l) = [y_l = yᵢ]), pᵢ = Vᵢ/Sᵢ, and
/// W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) = exp(mᵢ − dᵢⱼ)·((1 − pᵢ)/Sᵢ or −pᵢ/Sᵢ) (Goldberger et al. 2005): the two
/// coefficients are the same-class one (`first`) and the other-class one (`second`).
///
/// Samples must be sorted by label (the objectives permute their rows once, `classOrder`), so that each class is
/// a contiguous range of rows: a row of a tile is three runs (other classes, its class, other classes), each with
/// one coefficient, and no inner loop compares labels.
struct SameClassWeighting: StochasticNeighborWeighting {
    /// Class labels, one per sample, in non-decreasing order.
    let labels: [Int]
    /// The rows of each class; sample i's class is `classRanges[labels[i]]`.
    let classRanges: [Range<Int>]

    /// The weighting of samples with `sortedLabels`.
    init(sortedLabels: [Int]) {
        labels = sortedLabels
        classRanges = Self.classRanges(of: sortedLabels)
    }

    /// The sample indices ordered by label (stably), the row order the objectives work in.
    static func classOrder(of labels: [Int]) -> [Int] {
        labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }
    }

    /// The rows of each label 0...max in a sorted label array (empty for absent labels).
    static func classRanges(of sortedLabels: [Int]) -> [Range<Int>] {
        precondition(zip(sortedLabels, sortedLabels.dropFirst()).allSatisfy { $0 <= $1 }, "Labels must be sorted")
        var ranges = [Range<Int>](repeating: 0..<0, count: (sortedLabels.last ?? -1) + 1)
        var start = 0
        for (index, label) in sortedLabels.enumerated() where index + 1 == sortedLabels.count || sortedLabels[index + 1] != label {
            ranges[label] = start..<(index + 1)
            start = index + 1
        }
        return ranges
    }

    func rowSums(_ terms: SoftmaxRowTerms, addingColumnTermsTo columnSameSums: UnsafeMutablePointer<Double>?)
        -> (sum: Double, weightedSum: Double) {
        let same = Self.local(classRanges[labels[terms.sample]], in: terms.columns)
        let width = terms.columns.count
        if let columnSameSums { terms.addColumnTerms(same, into: columnSameSums) }
        if let split = terms.split {
            let sameSum = split.rowFactor * terms.partialSum(same)
            return (sameSum + split.rowFactor * (terms.partialSum(0..<same.lowerBound)
                                                 + terms.partialSum(same.upperBound..<width)), sameSum)
        }
        let sameSum = terms.partialSum(same)
        return (sameSum + terms.partialSum(0..<same.lowerBound) + terms.partialSum(same.upperBound..<width), sameSum)
    }

    /// pᵢ = Vᵢ/Sᵢ, and the coefficients (1 − pᵢ)/Sᵢ (same class) and −pᵢ/Sᵢ (other classes).
    func coefficients(sample i: Int, sum: Double, weightedSum: Double) -> (value: Double, first: Double, second: Double) {
        let p = weightedSum / sum
        return (p, (1 - p) / sum, -p / sum)
    }

    /// The column factors times the coefficients of W'ⱼᵢ: 1/Cⱼ·(1 − pⱼ)/Sⱼ into `factors[2b..<3b]` and
    /// 1/Cⱼ·(−pⱼ/Sⱼ) in place of 1/Cⱼ.
    func prepareSplitColumns(_ columns: Range<Int>, factors: UnsafeMutablePointer<Double>,
                             first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>) {
        let width = columns.count
        for c in 0..<width {
            let j = columns.lowerBound + c
            factors[2 * width + c] = factors[width + c] * first[j]
            factors[width + c] *= second[j]
        }
    }

    func weights(_ row: SoftmaxWeightRow, addingForwardColumnsTo columnSums: UnsafeMutablePointer<Double>,
                 backward: UnsafeMutablePointer<Double>) {
        let (i, width, lower) = (row.sample, row.columns.count, row.columns.lowerBound)
        let same = Self.local(classRanges[labels[i]], in: row.columns)
        row.exponentials(backward: backward)
        if let split = row.split, row.columnShifts != nil {
            let (other, sameClass) = (split.rowFactor * row.second[i], split.rowFactor * row.first[i])
            let factors = split.columnFactors
            func fill(_ range: Range<Int>, _ forwardFactor: Double, _ columnCoefficients: UnsafeMutablePointer<Double>) {
                Self.splitWeights(row: row.row, range, forwardFactor: forwardFactor, backwardFactor: split.inverse,
                                  columnFactors: factors, columnCoefficients: columnCoefficients,
                                  columnSums: columnSums, backward: backward)
            }
            fill(0..<same.lowerBound, other, factors + width)
            fill(same, sameClass, factors + 2 * width)
            fill(same.upperBound..<width, other, factors + width)
        } else {
            // W'ᵢⱼ for the row's own sample i and, off the diagonal, W'ⱼᵢ for the column's sample j, whose
            // class is i's exactly in `same`.
            let (sameColumns, otherColumns) = (row.first + lower, row.second + lower)
            func fill(_ range: Range<Int>, _ coefficient: Double, _ columnCoefficients: UnsafeMutablePointer<Double>) {
                Self.weights(row: row.row, range, coefficient: coefficient, hasColumns: row.columnShifts != nil,
                             columnCoefficients: columnCoefficients, columnSums: columnSums, backward: backward)
            }
            fill(0..<same.lowerBound, row.second[i], otherColumns)
            fill(same, row.first[i], sameColumns)
            fill(same.upperBound..<width, row.second[i], otherColumns)
        }
    }

    /// With row[c] = exp(mᵢ − dᵢⱼ) and, `hasColumns`, backward[c] = exp(mⱼ − dᵢⱼ) (`SoftmaxWeightRow.exponentials`),
    /// c ∈ `range`: replaces row[c] by the weight forward = row[c]·`coefficient` (W'ᵢⱼ) plus, `hasColumns`,
    /// backward[c] = backward[c]·columnCoefficients[c] (W'ⱼᵢ), and adds the forward weights to `columnSums[c]`.
    @inline(__always)
    private static func weights(
        row: UnsafeMutablePointer<Double>, _ range: Range<Int>, coefficient: Double, hasColumns: Bool,
        columnCoefficients: UnsafeMutablePointer<Double>, columnSums: UnsafeMutablePointer<Double>,
        backward: UnsafeMutablePointer<Double>
    ) {
        guard hasColumns else {
            for c in range {
                row[c] *= coefficient
                columnSums[c] += row[c]
            }
            return
        }
        for c in range {
            let forward = row[c] * coefficient
            backward[c] *= columnCoefficients[c]
            row[c] = forward + backward[c]
            columnSums[c] += forward
        }
    }

    /// The split form of `weights` off the diagonal: with row[c] = eᵢⱼ = exp(hᵢ + hⱼ − dᵢⱼ),
    /// forward = e·forwardFactor·columnFactors[c] and backward = e·backwardFactor·columnCoefficients[c].
    @inline(__always)
    private static func splitWeights(
        row: UnsafeMutablePointer<Double>, _ range: Range<Int>, forwardFactor: Double, backwardFactor: Double,
        columnFactors: UnsafeMutablePointer<Double>, columnCoefficients: UnsafeMutablePointer<Double>,
        columnSums: UnsafeMutablePointer<Double>, backward: UnsafeMutablePointer<Double>
    ) {
        for c in range {
            let e = row[c]
            let forward = e * (forwardFactor * columnFactors[c])
            backward[c] = e * (backwardFactor * columnCoefficients[c])
            row[c] = forward + backward[c]
            columnSums[c] += forward
        }
    }

    /// The part of `range` inside `columns`, as column offsets within the tile.
    private static func local(_ range: Range<Int>, in columns: Range<Int>) -> Range<Int> {
        let lower = min(max(range.lowerBound, columns.lowerBound), columns.upperBound) - columns.lowerBound
        let upper = min(max(range.upperBound, columns.lowerBound), columns.upperBound) - columns.lowerBound
        return lower..<max(lower, upper)
    }

    /// The same objective on one untiled row, for distances that have no Gram form (the diagonal NCA's
    /// weighted L1): replaces sample `i`'s distances to every sample by W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) and returns
    /// pᵢ; ∂pᵢ/∂dᵢⱼ = −W'ᵢⱼ. `sameClass` is the rows of sample i's class. The softmax subtracts the smallest
    /// off-diagonal distance first, so its largest term is exp(0) = 1 and nothing overflows or underflows to 0/0.
    static func softmaxWeights(inPlace row: UnsafeMutableBufferPointer<Double>, sample i: Int,
                               sameClass: Range<Int>) -> Double {
        let n = row.count
        row[i] = .infinity
        let nearest = SoftmaxRows.minimum(row)
        SoftmaxExponential.fill(row.baseAddress!, distances: row.baseAddress!, shift: nearest, count: n)
        let sameSum = SoftmaxRows.sum(row, sameClass)
        let total = sameSum + SoftmaxRows.sum(row, 0..<sameClass.lowerBound) + SoftmaxRows.sum(row, sameClass.upperBound..<n)
        let p = sameSum / total
        let (other, same) = (-p / total, (1 - p) / total)
        for j in 0..<sameClass.lowerBound { row[j] *= other }
        for j in sameClass { row[j] *= same }
        for j in sameClass.upperBound..<n { row[j] *= other }
        return p
    }
}
