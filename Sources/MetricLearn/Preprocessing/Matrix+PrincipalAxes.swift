extension Matrix {
    /// The `count` leading principal axes of the centred rows, as unit rows (count×d), largest variance first.
    ///
    /// Each axis's sign is fixed so that its largest-magnitude entry is positive, making the result deterministic.
    func principalAxes(count: Int) throws(MetricLearnError) -> Matrix {
        let centered = subtractingFromEachRow(columnMeans())
        let svd: SingularValueDecomposition
        do { svd = try SingularValueDecomposition(centered) } catch { throw .linearAlgebra(error) }
        var axes = Matrix(rowCount: count, columnCount: columnCount)
        for i in 0..<min(count, svd.vt.rowCount) {
            for j in 0..<columnCount { axes[i, j] = svd.vt[i, j] }
        }
        return axes.withDeterministicRowSigns()
    }

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
