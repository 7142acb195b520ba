/// The directions whitening keeps and the components L they give: from the d×d covariance, or — with more features
/// than samples — from the span of the centred samples, where the covariance lives.
struct WhiteningSpectrum {
    /// L: the kept directions, each divided by the square root of its (shrunk) variance, largest variance first.
    let components: Matrix
    /// The number of (shrunk) variances above the cut-off: the effective rank.
    let rank: Int
}

/// The eigendecomposition of a covariance C and its shrinkage target tr C / d: every shrinkage coefficient shares
/// it, since shrinkage moves only the eigenvalues.
struct CovarianceEigenbasis {
    let decomposition: SymmetricEigendecomposition
    let target: Double
}

extension Whitening {
    /// The spectrum from the eigendecomposition of the (shrunk) covariance, `scatter()` (XᵀX of the centred rows,
    /// `columnCount` wide) over `degreesOfFreedom` (d×d: O(d³) time, O(d²) memory, checked against the memory
    /// available before `scatter` is called).
    func covarianceSpectrum(columnCount: Int, scatter: () -> Matrix, degreesOfFreedom: Int,
                            shrinkage coefficient: Double) throws(MetricLearnError) -> WhiteningSpectrum {
        let basis = try covarianceEigenbasis(columnCount: columnCount, scatter: scatter,
                                             degreesOfFreedom: degreesOfFreedom, isShrunk: coefficient > 0)
        return try spectrum(of: basis, shrinkage: coefficient)
    }

    /// The eigendecomposition of the covariance `scatter()` / `degreesOfFreedom` (memory checked first; `isShrunk`
    /// only chooses the remedies the refusal suggests).
    func covarianceEigenbasis(columnCount: Int, scatter: () -> Matrix, degreesOfFreedom: Int,
                              isShrunk: Bool) throws(MetricLearnError) -> CovarianceEigenbasis {
        let d = Double(columnCount)
        try MemoryBudget.require(doubles: 5 * d * d,
                                 for: "whitening \(columnCount) features (a \(columnCount)×\(columnCount) covariance)",
                                 remedies: isShrunk && columnCount > degreesOfFreedom
                                     ? [.fewerFeatures, .fewerComponents] : [.fewerFeatures])
        let covariance = scatter() / Double(degreesOfFreedom)
        let decomposition: SymmetricEigendecomposition
        do { decomposition = try SymmetricEigendecomposition(covariance) } catch { throw .linearAlgebra(error) }
        return CovarianceEigenbasis(decomposition: decomposition, target: covariance.trace / d)
    }

    /// The spectrum of the covariance of `basis` shrunk by `coefficient`.
    func spectrum(of basis: CovarianceEigenbasis, shrinkage coefficient: Double) throws(MetricLearnError)
        -> WhiteningSpectrum {
        let decomposition = basis.decomposition
        let columnCount = decomposition.eigenvalues.count
        // Shrinkage keeps the eigenvectors and moves each variance to (1 − λ)·w + λ·(tr C / d); shrinking the
        // eigenvalues rather than the matrix keeps C's order of directions even at λ = 1, where all are equal.
        let variances = decomposition.eigenvalues.map { (1 - coefficient) * $0 + coefficient * basis.target }
        let cutoff = relativeTolerance * max(variances.max() ?? 0, 0)
        let kept = variances.indices.reversed().filter { variances[$0] > cutoff }
        guard !kept.isEmpty else { throw zeroCovariance }
        let chosen = Array(kept.prefix(componentCount ?? kept.count))
        var components = Matrix(rowCount: chosen.count, columnCount: columnCount)
        for (row, index) in chosen.enumerated() {
            let scale = 1 / variances[index].squareRoot()
            for j in 0..<columnCount { components[row, j] = decomposition.eigenvectors[j, index] * scale }
        }
        return WhiteningSpectrum(components: components, rank: kept.count)
    }

    /// The spectrum in the span of the rows of `centered` (d > n), from their thin SVD A = UΣVᵀ with A the centred
    /// rows over √(degrees of freedom): the covariance AᵀA has eigenvalues σᵢ² on the rows of Vᵀ and 0 elsewhere,
    /// so shrinkage makes them (1 − ρ)σᵢ² + ρμ and ρμ, with μ = Σσᵢ²/d. Nil when the components asked for need
    /// directions outside the span (shrinkage without a `componentCount` small enough): only the d×d
    /// computation chooses those.
    func spanSpectrum(of centered: Matrix, degreesOfFreedom: Int,
                      shrinkage coefficient: Double) throws(MetricLearnError) -> WhiteningSpectrum? {
        let (n, d) = (centered.rowCount, centered.columnCount)
        try MemoryBudget.require(doubles: 3 * Double(n) * Double(d) + 6 * Double(n) * Double(n),
                                 for: "whitening \(d) features", remedies: [.fewerFeatures, .fewerSamples])
        let svd: SingularValueDecomposition
        do { svd = try SingularValueDecomposition(centered) } catch { throw .linearAlgebra(error) }
        let variances = svd.singularValues.map { $0 * $0 / Double(degreesOfFreedom) }
        let outside = coefficient * variances.reduce(0, +) / Double(d)          // ρμ, off the span
        let shrunk = variances.map { (1 - coefficient) * $0 + outside }
        let cutoff = relativeTolerance * max(shrunk.first ?? 0, outside)
        let inSpan = shrunk.indices.filter { shrunk[$0] > cutoff && variances[$0] > relativeTolerance * variances[0] }
        let rank = outside > cutoff ? d : shrunk.filter { $0 > cutoff }.count
        guard rank > 0 else { throw zeroCovariance }
        let count = componentCount ?? rank
        guard count <= inSpan.count else { return nil }
        var components = Matrix(rowCount: count, columnCount: d)
        for (row, index) in inSpan.prefix(count).enumerated() {
            let scale = 1 / shrunk[index].squareRoot()
            for j in 0..<d { components[row, j] = svd.vt[index, j] * scale }
        }
        return WhiteningSpectrum(components: components, rank: rank)
    }

    /// The error for a zero covariance: within-class, the features may vary, but only between the classes.
    private var zeroCovariance: MetricLearnError {
        .emptyInput(what: mode == .withinClass
            ? "every feature is constant within each class: the within-class covariance is zero (total mode "
                + "whitens the spread between the classes)"
            : "every feature is constant: the covariance is zero")
    }
}
