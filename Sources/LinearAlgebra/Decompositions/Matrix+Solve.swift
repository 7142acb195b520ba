extension Matrix {
    /// The solution X of A·X = B, where A is this square matrix (LU with partial pivoting, LAPACK `dgesv`).
    ///
    /// - Precondition: A is square and `rightHandSides.rowCount == rowCount`.
    /// - Throws: `LinearAlgebraError.singular` when A is exactly singular.
    public func solve(_ rightHandSides: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(isSquare, "solve(_:) needs a square coefficient matrix")
        precondition(rightHandSides.rowCount == rowCount, "Right-hand sides need \(rowCount) rows")
        let x = try LAPACK.solve(elements, order: rowCount,
                                 rightHandSides: rightHandSides.elements, count: rightHandSides.columnCount)
        return Matrix(rowCount: rowCount, columnCount: rightHandSides.columnCount, elements: x)
    }

    /// The solution x of A·x = b.
    public func solve(_ rightHandSide: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rowCount: rightHandSide.count, columnCount: 1, elements: rightHandSide)).elements
    }
}
