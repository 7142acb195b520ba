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
        var result = self
        result.subtractFromEachRow(offsets)
        return result
    }

    /// Subtracts `offsets` from every row in place (no copy of a matrix held nowhere else).
    public mutating func subtractFromEachRow(_ offsets: [Double]) {
        precondition(offsets.count == columnCount, "One offset per column is needed")
        let (rowCount, columnCount) = (rowCount, columnCount)
        elements.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<rowCount {
                for j in 0..<columnCount { buffer[i * columnCount + j] -= offsets[j] }
            }
        }
    }

    /// The covariance matrix of the columns, Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ / (n − `deltaDegreesOfFreedom`).
    ///
    /// The default `deltaDegreesOfFreedom` = 1 gives the unbiased estimate, as `numpy.cov`.
    /// With a single row and the default, the result is all NaN, as in NumPy; callers validate counts first.
    /// Computed in one pass over the rows by `centeredGram(about:groups:)`: no centred copy.
    public func covariance(deltaDegreesOfFreedom: Int = 1) -> Matrix {
        let means = Matrix(rowCount: 1, columnCount: columnCount, elements: columnMeans())
        return centeredGram(about: means).gram / Double(rowCount - deltaDegreesOfFreedom)
    }

    /// The scatter of the rows about offsets, Σᵢ (xᵢ − cᵢ)(xᵢ − cᵢ)ᵀ (d×d), and Σᵢ ‖xᵢ − cᵢ‖⁴, where cᵢ is row
    /// `groups[i]` of `offsets` (row 0 for every row when `groups` is nil): with column or class means as offsets,
    /// the (within-class) covariance's scatter, two-pass accurate.
    ///
    /// One pass over the rows, with no centred copy: `centeredGramJobs` fixed jobs (in parallel) each centre blocks
    /// of `centeredGramBlockRows` of their rows into a scratch buffer and accumulate them with one dsyrk per
    /// block; the jobs' sums are added in job order, so the result has the same bits on any machine.
    /// - Complexity: O(n·d²) time; O(d²) memory beyond the matrix (a d×d sum and a block per job).
    public func centeredGram(about offsets: Matrix, groups: [Int]? = nil) -> (gram: Matrix, fourthPowerSum: Double) {
        precondition(offsets.columnCount == columnCount && (groups?.count ?? rowCount) == rowCount,
                     "One offset per column and one group per row are needed")
        let (n, d) = (rowCount, columnCount)
        let jobs = max(1, min(Self.centeredGramJobs, (n + Self.centeredGramBlockRows - 1) / Self.centeredGramBlockRows))
        var partials = [Double](repeating: 0, count: jobs * d * d)
        var fourthPowers = [Double](repeating: 0, count: jobs)
        elements.withUnsafeBufferPointer { x in
            offsets.elements.withUnsafeBufferPointer { c in
                partials.withUnsafeMutableBufferPointer { sums in
                    fourthPowers.withUnsafeMutableBufferPointer { powers in
                        let operands = CenteringOperands(x: x, offsets: c, groups: groups, sums: sums, powers: powers)
                        Parallel.forEach(jobs: jobs, work: n * d * d) { job, _ in
                            operands.accumulate(rows: (job * n / jobs)..<((job + 1) * n / jobs), columns: d,
                                                into: job)
                        }
                    }
                }
            }
        }
        var gram = Matrix(rowCount: d, columnCount: d, elements: Array(partials[0..<(d * d)]))
        for job in 1..<jobs {
            for entry in 0..<(d * d) { gram.elements[entry] += partials[job * d * d + entry] }
        }
        return (gram, fourthPowers.reduce(0, +))
    }

    /// Rows centred and accumulated at a time by `centeredGram(about:groups:)`.
    static let centeredGramBlockRows = 256
    /// The jobs of `centeredGram(about:groups:)`: fixed, so that its sums do not depend on the core count.
    static let centeredGramJobs = 8

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

/// What a job of `Matrix.centeredGram(about:groups:)` reads and where it adds its sums.
private struct CenteringOperands: @unchecked Sendable {
    let x: UnsafeBufferPointer<Double>
    let offsets: UnsafeBufferPointer<Double>
    let groups: [Int]?
    let sums: UnsafeMutableBufferPointer<Double>
    let powers: UnsafeMutableBufferPointer<Double>

    /// Adds the scatter of `rows` (of `columns` columns) about their offsets to sum `job`, block by block.
    func accumulate(rows: Range<Int>, columns d: Int, into job: Int) {
        guard let x = x.baseAddress, let offsets = offsets.baseAddress, let sums = sums.baseAddress else { return }
        let blockRows = Matrix.centeredGramBlockRows
        var block = [Double](repeating: 0, count: blockRows * d)
        var fourthPowerSum = 0.0
        block.withUnsafeMutableBufferPointer { scratch in
            guard let scratch = scratch.baseAddress else { return }
            for start in stride(from: rows.lowerBound, to: rows.upperBound, by: blockRows) {
                let count = min(blockRows, rows.upperBound - start)
                for r in 0..<count {
                    let (row, centred) = (x + (start + r) * d, scratch + r * d)
                    let offset = offsets + (groups?[start + r] ?? 0) * d
                    var squaredNorm = 0.0
                    for j in 0..<d {
                        centred[j] = row[j] - offset[j]
                        squaredNorm += centred[j] * centred[j]
                    }
                    fourthPowerSum += squaredNorm * squaredNorm
                }
                BLAS.syrk(transpose: true, n: d, k: count, alpha: 1, a: scratch, lda: d, beta: 1,
                          c: sums + job * d * d, ldc: d)
            }
        }
        powers[job] = fourthPowerSum
    }
}
