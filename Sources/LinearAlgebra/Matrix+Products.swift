/// Matrix products through BLAS (`dgemm`, `dgemv`, `dsyrk`); large `dgemm` and `dsyrk` products are spread over
/// the cores in blocks fixed by their shape (`BufferProducts.multiplyInParallel`), so they give the same bits on
/// any machine.
extension Matrix {
    /// op(A)·op(B) for the four transposition cases, through one `dgemm`.
    static func product(_ a: Matrix, transposingFirst transposeA: Bool,
                        _ b: Matrix, transposingSecond transposeB: Bool, scale: Double = 1) -> Matrix {
        let m = transposeA ? a.columnCount : a.rowCount
        let k = transposeA ? a.rowCount : a.columnCount
        let kb = transposeB ? b.columnCount : b.rowCount
        let n = transposeB ? b.rowCount : b.columnCount
        precondition(k == kb, "Inner dimensions differ: \(k) vs \(kb)")
        var result = Matrix(rowCount: m, columnCount: n)
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                result.elements.withUnsafeMutableBufferPointer { pc in
                    BufferProducts.multiplyInParallel(pa, transposingA: transposeA, pb, transposingB: transposeB,
                                                      into: pc, m: m, n: n, k: k, alpha: scale)
                }
            }
        }
        return result
    }

    /// The matrix product A·B.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        product(lhs, transposingFirst: false, rhs, transposingSecond: false)
    }

    /// Aᵀ·B without forming Aᵀ.
    public func transposedTimes(_ other: Matrix) -> Matrix {
        Matrix.product(self, transposingFirst: true, other, transposingSecond: false)
    }

    /// A·Bᵀ without forming Bᵀ.
    public func timesTransposed(_ other: Matrix) -> Matrix {
        Matrix.product(self, transposingFirst: false, other, transposingSecond: true)
    }

    /// The Gram matrix AᵀA (symmetric, through `dsyrk`).
    ///
    /// Many rows are summed in chunks of `BufferProducts.parallelInnerChunk` rows on all cores, the chunks' Gram
    /// matrices added in chunk order.
    public func transposedTimesSelf() -> Matrix {
        let (d, chunk) = (columnCount, BufferProducts.parallelInnerChunk)
        let chunkCount = rowCount * d * d >= BufferProducts.parallelThreshold && rowCount >= 2 * chunk
            ? (rowCount + chunk - 1) / chunk : 1
        var partials = [Double](repeating: 0, count: chunkCount * d * d)
        elements.withUnsafeBufferPointer { pa in
            partials.withUnsafeMutableBufferPointer { pc in
                guard let pa = pa.baseAddress, let pc = pc.baseAddress else { return }
                let operands = GramOperands(a: pa, c: pc)
                Parallel.forEach(jobs: chunkCount, work: rowCount * d * d) { index, _ in
                    let rows = chunkCount == 1 ? 0..<rowCount : (index * chunk)..<min(rowCount, (index + 1) * chunk)
                    BLAS.syrk(transpose: true, n: d, k: rows.count, alpha: 1, a: operands.a + rows.lowerBound * d,
                              lda: d, beta: 0, c: operands.c + index * d * d, ldc: d)
                }
            }
        }
        var result = Matrix(rowCount: d, columnCount: d, elements: Array(partials[0..<(d * d)]))
        for index in 1..<max(1, chunkCount) {
            for entry in 0..<(d * d) { result.elements[entry] += partials[index * d * d + entry] }
        }
        return result
    }

    /// The matrix-vector product A·x.
    public static func * (lhs: Matrix, rhs: [Double]) -> [Double] {
        lhs.gemv(transposed: false, rhs)
    }

    /// Aᵀ·x without forming Aᵀ.
    public func transposedTimes(_ vector: [Double]) -> [Double] {
        gemv(transposed: true, vector)
    }

    private func gemv(transposed: Bool, _ x: [Double]) -> [Double] {
        precondition(x.count == (transposed ? rowCount : columnCount), "Vector length does not match the matrix")
        var y = [Double](repeating: 0, count: transposed ? columnCount : rowCount)
        elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    guard let pa = pa.baseAddress, let px = px.baseAddress, let py = py.baseAddress else { return }
                    BLAS.gemv(transpose: transposed, m: rowCount, n: columnCount, alpha: 1, a: pa,
                              lda: columnCount, x: px, beta: 0, y: py)
                }
            }
        }
        return y
    }
}

/// The operand and the partial Gram matrices of `transposedTimesSelf`'s chunks.
private struct GramOperands: @unchecked Sendable {
    let a: UnsafePointer<Double>
    let c: UnsafeMutablePointer<Double>
}
