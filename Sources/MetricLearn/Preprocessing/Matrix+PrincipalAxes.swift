extension Matrix {
    /// The `count` leading principal axes of the centred rows, as unit rows (count×d), largest variance first.
    ///
    /// Up to `principalAxesCopyLimit` elements: the right singular vectors of a centred copy (`dgesdd`, accurate
    /// however ill-conditioned the data). Larger tables: the eigenvectors of the scatter XcᵀXc, accumulated in one
    /// streaming pass (`centeredGram(about:)`), because the centred copy, U and `dgesdd`'s workspace would be three
    /// more n×d matrices (1.2 GB at 10⁶ × 50). Each axis's sign is fixed so that its largest-magnitude entry is
    /// positive, making the result deterministic.
    func principalAxes(count: Int) throws(MetricLearnError) -> Matrix {
        let means = columnMeans()
        let leading: Matrix                 // the axes as rows, largest variance first
        do {
            if rowCount * columnCount <= Self.principalAxesCopyLimit {
                leading = try SingularValueDecomposition(subtractingFromEachRow(means)).vt
            } else {
                let scatter = centeredGram(about: Matrix(rowCount: 1, columnCount: columnCount, elements: means)).gram
                let decomposition = try SymmetricEigendecomposition(scatter)
                leading = decomposition.eigenvectors.columns(at: Array(decomposition.eigenvalues.indices.reversed()))
                    .transposed()
            }
        } catch {
            throw .linearAlgebra(error)
        }
        var axes = Matrix(rowCount: count, columnCount: columnCount)
        for i in 0..<min(count, leading.rowCount) {
            for j in 0..<columnCount { axes[i, j] = leading[i, j] }
        }
        return axes.withDeterministicRowSigns()
    }

    /// The most elements (n·d, 32 MiB of doubles) for which `principalAxes(count:)` decomposes a centred copy.
    static let principalAxesCopyLimit = 1 << 22

    /// The `count` leading discriminant directions for `labels` (count×d): W·u for the top eigenvectors u of
    /// W·S_b·W, where W = S_w^(−1/2) is the inverse square root of the pooled within-class covariance
    /// and S_b the between-class covariance. Projections have identity within-class covariance.
    func discriminantAxes(labels: [Int], count: Int) throws(MetricLearnError) -> Matrix {
        let d = Double(columnCount)
        try MemoryBudget.require(doubles: 8 * d * d + 2 * Double(rowCount) * d,
                                 for: "the LDA initialization of \(columnCount) features (d×d scatter matrices)",
                                 remedies: [.otherInitialization, .fewerFeatures])
        let classCount = Set(labels).count
        let within = centeredWithinClasses(labels: labels)
        let withinCovariance = within.transposedTimesSelf() / Double(max(1, rowCount - classCount))
        let classMeans = self - within                      // each row replaced by its class mean
        let between = classMeans.subtractingFromEachRow(columnMeans()).transposedTimesSelf() / Double(rowCount)
        do {
            let whitener = try withinCovariance.symmetricInverseSquareRoot(relativeTolerance: 1e-10)
            let decomposition = try SymmetricEigendecomposition(whitener * between * whitener)
            let top = decomposition.eigenvectors.columns(at: Array(decomposition.eigenvalues.indices.reversed().prefix(count)))
            return (whitener * top).transposed().withDeterministicRowSigns()
        } catch {
            throw .linearAlgebra(error)
        }
    }

    /// A copy with each row negated where needed so that its largest-magnitude entry is positive
    /// (eigen- and singular vectors are defined only up to sign).
    func withDeterministicRowSigns() -> Matrix {
        var result = self
        for i in 0..<rowCount {
            let row = self.row(i)
            guard (row.max(by: { abs($0) < abs($1) }) ?? 0) < 0 else { continue }
            for j in 0..<columnCount { result[i, j] = -row[j] }
        }
        return result
    }
}
