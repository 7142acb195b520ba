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
        let height = max(1, min(blockRowCount ?? defaultBlockRowCount(referenceCount: n), queries.rowCount))
        let referenceNorms = references.rowSquaredNorms()
        let queryNorms = queries.rowSquaredNorms()
        var block = [Double](repeating: 0, count: height * n)
        var start = 0
        while start < queries.rowCount {
            let end = min(start + height, queries.rowCount)
            let rows = end - start
            block.withUnsafeMutableBufferPointer { c in
                fill(c, queries: queries, rows: start..<end, queryNorms: queryNorms,
                     references: references, referenceNorms: referenceNorms)
            }
            try block.withUnsafeBufferPointer { buffer throws(E) in
                try body(start..<end, UnsafeBufferPointer(rebasing: buffer[0..<(rows * n)]))
            }
            start = end
        }
    }

    /// Writes the squared distances from the query rows `rows` to every reference row into `block` (row-major,
    /// `rows.count × references.rowCount`): −2·Q·Rᵀ by one `dgemm`, then the rows' squared norms (`queryNorms`
    /// of every query row, `referenceNorms`) added and the sum clamped at 0.
    /// - Precondition: both matrices have the same column count and `block` holds the rows.
    package static func fill(_ block: UnsafeMutableBufferPointer<Double>, queries: Matrix, rows: Range<Int>,
                             queryNorms: [Double], references: Matrix, referenceNorms: [Double]) {
        let (n, d) = (references.rowCount, queries.columnCount)
        precondition(references.columnCount == d && block.count >= rows.count * n, "A block does not fit")
        guard let c = block.baseAddress else { return }
        queries.elements.withUnsafeBufferPointer { q in
            references.elements.withUnsafeBufferPointer { r in
                if let q = q.baseAddress, let r = r.baseAddress {
                    BLAS.gemm(transposeA: false, transposeB: true, m: rows.count, n: n, k: d,
                              alpha: -2, a: q + rows.lowerBound * d, lda: d, b: r, ldb: d, beta: 0, c: c, ldc: n)
                } else {
                    for index in 0..<(rows.count * n) { c[index] = 0 }
                }
            }
        }
        referenceNorms.withUnsafeBufferPointer { norms in
            for (i, query) in rows.enumerated() {
                let qi = queryNorms[query]
                let row = c + i * n
                for j in 0..<n { row[j] = max(0, row[j] + qi + norms[j]) }
            }
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
