/// Column statistics of a data matrix whose rows are samples.
extension Matrix {
    /// The mean of each column (empty for a matrix with no rows).
    public func columnMeans() -> [Double] {
        guard rowCount > 0 else { return [Double](repeating: .nan, count: columnCount) }
        let ones = [Double](repeating: 1 / Double(rowCount), count: rowCount)
        return transposedTimes(ones)
    }

    /// A copy with `offsets` subtracted from every row.
    public func subtractingFromEachRow(_ offsets: [Double]) -> Matrix {
        precondition(offsets.count == columnCount, "One offset per column is needed")
        var result = self
        result.elements.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<rowCount {
                for j in 0..<columnCount { buffer[i * columnCount + j] -= offsets[j] }
            }
        }
        return result
    }

    /// The covariance matrix of the columns, Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ / (n − `deltaDegreesOfFreedom`).
    ///
    /// The default `deltaDegreesOfFreedom` = 1 gives the unbiased estimate, as `numpy.cov`.
    /// With a single row and the default, the result is all NaN, as in NumPy; callers validate counts first.
    public func covariance(deltaDegreesOfFreedom: Int = 1) -> Matrix {
        let centered = subtractingFromEachRow(columnMeans())
        let gram = centered.transposedTimesSelf()
        return gram / Double(rowCount - deltaDegreesOfFreedom)
    }

    /// The squared Euclidean norm of each row.
    public func rowSquaredNorms() -> [Double] {
        var norms = [Double](repeating: 0, count: rowCount)
        elements.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<rowCount {
                let row = base + i * columnCount
                norms[i] = BLAS.dot(columnCount, row, row)
            }
        }
        return norms
    }
}
