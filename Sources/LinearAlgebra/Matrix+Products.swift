/// Matrix products through BLAS (`dgemm`, `dgemv`, `dsyrk`).
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
                    guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = pc.baseAddress else { return }
                    BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                              alpha: scale, a: pa, lda: a.columnCount, b: pb, ldb: b.columnCount,
                              beta: 0, c: pc, ldc: n)
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
    public func transposedTimesSelf() -> Matrix {
        var result = Matrix(rowCount: columnCount, columnCount: columnCount)
        elements.withUnsafeBufferPointer { pa in
            result.elements.withUnsafeMutableBufferPointer { pc in
                guard let pa = pa.baseAddress, let pc = pc.baseAddress else { return }
                BLAS.syrk(transpose: true, n: columnCount, k: rowCount, alpha: 1, a: pa, lda: columnCount,
                          beta: 0, c: pc, ldc: columnCount)
            }
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
