/// Squared Euclidean distances between the rows of two matrices, computed in row blocks.
///
/// Each block is ‖a‖² + ‖b‖² − 2·A_block·Bᵀ through one `dgemm`, clamped at 0 (the expansion can
/// round to tiny negatives). MetricLearn's searches stream the blocks (package-internal `forEachBlock`,
/// O(blockRowCount · references.rowCount) memory); `squaredEuclidean(_:_:)` returns the whole matrix.
public enum PairwiseDistances {
    /// Block budget in elements (4 Mi doubles = 32 MiB).
    package static let defaultBlockElementBudget = 1 << 22

    /// A block height that keeps one block within `defaultBlockElementBudget` elements.
    package static func defaultBlockRowCount(referenceCount: Int) -> Int {
        max(1, defaultBlockElementBudget / max(1, referenceCount))
    }

    /// Calls `body` for consecutive blocks of query rows with the squared distances from those rows
    /// to every reference row (row-major, `range.count × references.rowCount`).
    ///
    /// The buffer handed to `body` is reused between calls and valid only during the call.
    /// - Precondition: both matrices have the same column count.
    package static func forEachBlock<E: Error>(
        queries: Matrix, references: Matrix, blockRowCount: Int? = nil,
        _ body: (_ rows: Range<Int>, _ squaredDistances: UnsafeBufferPointer<Double>) throws(E) -> Void
    ) throws(E) {
        precondition(queries.columnCount == references.columnCount, "Queries and references differ in width")
        let n = references.rowCount
        let d = queries.columnCount
        let height = max(1, min(blockRowCount ?? defaultBlockRowCount(referenceCount: n), queries.rowCount))
        let referenceNorms = references.rowSquaredNorms()
        let queryNorms = queries.rowSquaredNorms()
        var block = [Double](repeating: 0, count: height * n)
        var start = 0
        while start < queries.rowCount {
            let end = min(start + height, queries.rowCount)
            let rows = end - start
            queries.elements.withUnsafeBufferPointer { q in
                references.elements.withUnsafeBufferPointer { r in
                    block.withUnsafeMutableBufferPointer { c in
                        guard let c = c.baseAddress else { return }
                        if let q = q.baseAddress, let r = r.baseAddress {
                            BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: n, k: d,
                                      alpha: -2, a: q + start * d, lda: d, b: r, ldb: d, beta: 0, c: c, ldc: n)
                        } else {
                            for index in 0..<(rows * n) { c[index] = 0 }
                        }
                        for i in 0..<rows {
                            let qi = queryNorms[start + i]
                            let row = c + i * n
                            for j in 0..<n { row[j] = max(0, row[j] + qi + referenceNorms[j]) }
                        }
                    }
                }
            }
            try block.withUnsafeBufferPointer { buffer throws(E) in
                try body(start..<end, UnsafeBufferPointer(rebasing: buffer[0..<(rows * n)]))
            }
            start = end
        }
    }

    /// The full matrix of squared distances (queries.rowCount × references.rowCount).
    ///
    /// Use for small inputs: the result holds every pair.
    public static func squaredEuclidean(_ queries: Matrix, _ references: Matrix) -> Matrix {
        var result = Matrix(rowCount: queries.rowCount, columnCount: references.rowCount)
        let n = references.rowCount
        forEachBlock(queries: queries, references: references) { (rows, block) in
            for k in 0..<block.count { result.elements[rows.lowerBound * n + k] = block[k] }
        }
        return result
    }
}
