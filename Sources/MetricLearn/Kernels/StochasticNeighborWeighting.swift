/// What an objective of the stochastic-neighbour softmax supplies to `StochasticNeighbors`: the weighted sum
/// it needs from pass 1, its term and two coefficients per sample, and its weights W'ᵢⱼ in pass 2.
///
/// The engine calls the row methods concurrently for rows of different chunks (hence `Sendable`); each call
/// writes only the row and the column buffers it is given. Each method sees one row i of a tile against the
/// tile's columns J and must handle both forms of the tile: plain exponentials, or (off the diagonal, when the
/// tile's minima are close) terms split into a row factor and column factors; `SameClassWeighting` is the
/// worked example.
protocol StochasticNeighborWeighting: Sendable {
    /// Pass 1: returns row i's part of Sᵢ (Σ of its terms exp(mᵢ − dᵢⱼ) over the tile's columns) and of
    /// Vᵢ = Σⱼ exp(mᵢ − dᵢⱼ)·v(i, j). Off the diagonal it also adds, for each column c of sample j,
    /// the column term times v(j, i) to `columnWeightedSums[c]` (`SoftmaxRowTerms.addColumnTerms`; the engine
    /// adds the column terms themselves to the normalisers).
    func rowSums(_ terms: SoftmaxRowTerms, addingColumnTermsTo columnWeightedSums: UnsafeMutablePointer<Double>?)
        -> (sum: Double, weightedSum: Double)

    /// Between the passes: sample i's term of the objective and the two coefficients that pass 2 reads, from
    /// its normaliser Sᵢ and weighted sum Vᵢ (both relative to exp(mᵢ), like every term).
    func coefficients(sample i: Int, sum: Double, weightedSum: Double) -> (value: Double, first: Double, second: Double)

    /// Pass 2 on a split tile, once before its rows: whatever per-column products of the factors
    /// (`factors[0..<b]` = Cⱼ, `factors[b..<2b]` = 1/Cⱼ, `factors[2b..<3b]` free, b = `columns.count`) and of
    /// the coefficients of the columns' samples (`first[j]`, `second[j]`) the rows will read.
    func prepareSplitColumns(_ columns: Range<Int>, factors: UnsafeMutablePointer<Double>,
                             first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>)

    /// Pass 2: replaces the row's distances by W'ᵢⱼ + W'ⱼᵢ (W'ᵢⱼ alone on a diagonal tile), adds the forward
    /// weights W'ᵢⱼ to `forwardColumnSums[c]` and, off the diagonal, writes the backward weights W'ⱼᵢ to
    /// `backward[c]` (the engine adds their sum to column i's sum). `SoftmaxWeightRow.exponentials(backward:)`
    /// computes the row's exponentials in the vector loops; the weights are then products of them.
    func weights(_ row: SoftmaxWeightRow, addingForwardColumnsTo forwardColumnSums: UnsafeMutablePointer<Double>,
                 backward: UnsafeMutablePointer<Double>)
}

/// Row i of a tile in pass 1, as `StochasticNeighborWeighting.rowSums` sees it.
struct SoftmaxRowTerms {
    /// The row's sample i.
    let sample: Int
    /// The tile's columns J (samples).
    let columns: Range<Int>
    /// The row's terms, one per column: exp(mᵢ − dᵢⱼ), or when `split` is set, eᵢⱼ = exp(hᵢ + hⱼ − dᵢⱼ) with
    /// h = m/2, so that exp(mᵢ − dᵢⱼ) = eᵢⱼ·Rᵢ·Cⱼ.
    let row: UnsafeMutablePointer<Double>
    /// Rᵢ and 1/Rᵢ of a split tile.
    let split: (rowFactor: Double, inverse: Double)?
    /// Cⱼ of the tile's columns, for a split tile.
    let columnFactors: UnsafeMutablePointer<Double>
    /// exp(mⱼ − dᵢⱼ) of the columns off the diagonal of an unsplit tile (nil on a split or diagonal tile).
    let columnTerms: UnsafeMutablePointer<Double>?

    /// Σ_{c ∈ range} of the row's terms without the row factor: Σ exp(mᵢ − dᵢⱼ) on an unsplit tile, Σ eᵢⱼ·Cⱼ
    /// on a split one (times `split.rowFactor`, it is Σ exp(mᵢ − dᵢⱼ)).
    @inline(__always)
    func partialSum(_ range: Range<Int>) -> Double {
        let values = UnsafeMutableBufferPointer(start: row, count: columns.count)
        return split == nil ? SoftmaxRows.sum(values, range) : SoftmaxRows.dot(values, columnFactors, range)
    }

    /// Adds `factor` times the column terms exp(mⱼ − dᵢⱼ), c ∈ `range`, to `sums[c]`, up to a factor of each
    /// column that the engine applies when it adds the chunks' column sums (1/Cⱼ on a split tile). Only off the
    /// diagonal.
    @inline(__always)
    func addColumnTerms(_ range: Range<Int>, scaledBy factor: Double = 1, into sums: UnsafeMutablePointer<Double>) {
        if let split {
            for c in range { sums[c] += row[c] * split.inverse * factor }
        } else if let columnTerms {
            for c in range { sums[c] += columnTerms[c] * factor }
        }
    }
}

/// Row i of a tile in pass 2, as `StochasticNeighborWeighting.weights` sees it.
struct SoftmaxWeightRow {
    /// The factors of a split tile's row.
    struct Split {
        /// hᵢ = mᵢ/2: the split term is eᵢⱼ = exp(hᵢ + mⱼ/2 − dᵢⱼ) (`SoftmaxExponential.wideValue`).
        let half: Double
        /// Rᵢ, with exp(mᵢ − dᵢⱼ) = eᵢⱼ·Rᵢ·Cⱼ.
        let rowFactor: Double
        /// 1/Rᵢ, with exp(mⱼ − dᵢⱼ) = eᵢⱼ/(Rᵢ·Cⱼ).
        let inverse: Double
        /// The tile's column factors as `prepareSplitColumns` left them.
        let columnFactors: UnsafeMutablePointer<Double>
    }

    /// The row's sample i.
    let sample: Int
    /// The tile's columns J (samples).
    let columns: Range<Int>
    /// The row's squared distances dᵢⱼ, one per column, to be replaced by the weights.
    let row: UnsafeMutablePointer<Double>
    /// mᵢ.
    let shift: Double
    /// mⱼ of the columns, nil on a diagonal tile.
    let columnShifts: UnsafeMutablePointer<Double>?
    /// The factors, on a split tile.
    let split: Split?
    /// The coefficients of every sample (indexed by sample, not by column).
    let first, second: UnsafeMutablePointer<Double>

    /// Replaces the row's distances by its exponentials: eᵢⱼ = exp(hᵢ + mⱼ/2 − dᵢⱼ) on a split tile, else
    /// exp(mᵢ − dᵢⱼ), and off the diagonal of an unsplit tile writes exp(mⱼ − dᵢⱼ) to `backward[c]` first. A
    /// weighting's `weights` calls it once, then forms its weights from these terms.
    func exponentials(backward: UnsafeMutablePointer<Double>) {
        let width = columns.count
        if let split, let columnShifts {
            SoftmaxExponential.fill(row, distances: row, shift: split.half, columnShifts: columnShifts, scale: 0.5,
                                    count: width, wide: true)
            return
        }
        if let columnShifts {
            SoftmaxExponential.fill(backward, distances: row, shift: 0, columnShifts: columnShifts, scale: 1, count: width)
        }
        SoftmaxExponential.fill(row, distances: row, shift: shift, count: width)
    }
}
