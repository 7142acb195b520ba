/// Kernel regression's objective for `StochasticNeighbors` (MLKR, Weinberger & Tesauro 2007): the leave-one-out
/// estimate ŷᵢ = Σⱼ pᵢⱼ·tⱼ of each sample's target from the others, and f = Σᵢ (ŷᵢ − tᵢ)², its squared error.
///
/// The weighted sum is Vᵢ = Σₗ exp(mᵢ − dᵢₗ)·t_l (v(i, l) = t_l), so ŷᵢ = Vᵢ/Sᵢ. With ∂ŷᵢ/∂dᵢⱼ = −pᵢⱼ(tⱼ − ŷᵢ),
/// W'ᵢⱼ = −∂f/∂dᵢⱼ = 2(ŷᵢ − tᵢ)·pᵢⱼ(tⱼ − ŷᵢ) = exp(mᵢ − dᵢⱼ)·(aᵢ·tⱼ + bᵢ), with aᵢ = 2(ŷᵢ − tᵢ)/Sᵢ (`first`) and
/// bᵢ = −aᵢ·ŷᵢ (`second`). The targets should be centred (the objective scales them), so that aᵢ·tⱼ + bᵢ does not
/// cancel.
struct KernelRegressionWeighting: StochasticNeighborWeighting {
    /// The target of each sample.
    let targets: [Double]

    func rowSums(_ terms: SoftmaxRowTerms, addingColumnTermsTo columnWeightedSums: UnsafeMutablePointer<Double>?)
        -> (sum: Double, weightedSum: Double) {
        let width = terms.columns.count
        return targets.withUnsafeBufferPointer { all in
            let t = all.baseAddress! + terms.columns.lowerBound
            let own = all[terms.sample]
            if let columnWeightedSums { terms.addColumnTerms(0..<width, scaledBy: own, into: columnWeightedSums) }
            let row = terms.row
            guard let split = terms.split else {
                return (SoftmaxRows.sum(UnsafeMutableBufferPointer(start: row, count: width), 0..<width),
                        SoftmaxRows.dot(UnsafeMutableBufferPointer(start: row, count: width), UnsafeMutablePointer(mutating: t),
                                        0..<width))
            }
            // Σ eᵢⱼ·Cⱼ and Σ eᵢⱼ·Cⱼ·tⱼ, times Rᵢ.
            let factors = terms.columnFactors
            var (sum, weighted) = (0.0, 0.0)
            for c in 0..<width {
                let term = row[c] * factors[c]
                sum += term
                weighted += term * t[c]
            }
            return (split.rowFactor * sum, split.rowFactor * weighted)
        }
    }

    /// (ŷᵢ − tᵢ)², aᵢ = 2(ŷᵢ − tᵢ)/Sᵢ and bᵢ = −aᵢ·ŷᵢ.
    func coefficients(sample i: Int, sum: Double, weightedSum: Double) -> (value: Double, first: Double, second: Double) {
        let estimate = weightedSum / sum
        let error = estimate - targets[i]
        let a = 2 * error / sum
        return (error * error, a, -a * estimate)
    }

    /// Keeps Cⱼ in `factors[0..<b]` and puts aⱼ/Cⱼ in `factors[b..<2b]`, bⱼ/Cⱼ in `factors[2b..<3b]`: the backward
    /// weight W'ⱼᵢ = eᵢⱼ/Rᵢ·(tᵢ·aⱼ/Cⱼ + bⱼ/Cⱼ).
    func prepareSplitColumns(_ columns: Range<Int>, factors: UnsafeMutablePointer<Double>,
                             first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>) {
        let width = columns.count
        for c in 0..<width {
            let j = columns.lowerBound + c
            factors[2 * width + c] = factors[width + c] * second[j]
            factors[width + c] *= first[j]
        }
    }

    func weights(_ row: SoftmaxWeightRow, addingForwardColumnsTo columnSums: UnsafeMutablePointer<Double>,
                 backward: UnsafeMutablePointer<Double>) {
        let (i, width, lower) = (row.sample, row.columns.count, row.columns.lowerBound)
        let values = row.row
        row.exponentials(backward: backward)
        targets.withUnsafeBufferPointer { all in
            let t = all.baseAddress! + lower
            let own = all[i]
            let (a, b) = (row.first[i], row.second[i])
            if let split = row.split, row.columnShifts != nil {
                // forward = e·Rᵢ·Cⱼ·(aᵢtⱼ + bᵢ), backward = e/Rᵢ·(tᵢ·aⱼ/Cⱼ + bⱼ/Cⱼ), e = exp(hᵢ + mⱼ/2 − dᵢⱼ).
                let factors = split.columnFactors
                let (forwardA, forwardB) = (split.rowFactor * a, split.rowFactor * b)
                for c in 0..<width {
                    let e = values[c]
                    let forward = e * factors[c] * (forwardA * t[c] + forwardB)
                    backward[c] = e * split.inverse * (own * factors[width + c] + factors[2 * width + c])
                    values[c] = forward + backward[c]
                    columnSums[c] += forward
                }
            } else if row.columnShifts != nil {
                // values[c] = exp(mᵢ − dᵢⱼ), backward[c] = exp(mⱼ − dᵢⱼ).
                let (columnA, columnB) = (row.first + lower, row.second + lower)
                for c in 0..<width {
                    let forward = values[c] * (a * t[c] + b)
                    backward[c] *= columnA[c] * own + columnB[c]
                    values[c] = forward + backward[c]
                    columnSums[c] += forward
                }
            } else {
                for c in 0..<width {
                    values[c] *= a * t[c] + b
                    columnSums[c] += values[c]
                }
            }
        }
    }
}
