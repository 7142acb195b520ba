extension Matrix {
    /// The difference x_first − x_second of each pair of rows, one row a pair, in the order given.
    ///
    /// - Precondition: every index is a row of this matrix.
    func pairDifferences(_ pairs: some Collection<PairConstraints.Pair>) -> Matrix {
        let d = columnCount
        var differences = [Double](repeating: 0, count: pairs.count * d)
        elements.withUnsafeBufferPointer { rows in
            differences.withUnsafeMutableBufferPointer { target in
                for (index, pair) in pairs.enumerated() {
                    let (first, second, row) = (pair.first * d, pair.second * d, index * d)
                    for j in 0..<d { target[row + j] = rows[first + j] - rows[second + j] }
                }
            }
        }
        return Matrix(rowCount: pairs.count, columnCount: d, elements: differences)
    }
}
