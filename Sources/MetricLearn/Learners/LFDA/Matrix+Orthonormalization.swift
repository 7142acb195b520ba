extension Matrix {
    /// The rows orthonormalised in order (modified Gram–Schmidt, each projection applied twice for accuracy):
    /// row i becomes the unit vector along the part of row i orthogonal to rows 0..<i, the Qᵀ of a QR
    /// factorisation of the transpose with a positive diagonal in R. A row in the span of the earlier ones
    /// becomes zero.
    func orthonormalizedRows() -> Matrix {
        var result = self
        let d = columnCount
        for i in 0..<rowCount {
            for _ in 0..<2 {
                for previous in 0..<i {
                    var dot = 0.0
                    for j in 0..<d { dot += result[previous, j] * result[i, j] }
                    for j in 0..<d { result[i, j] -= dot * result[previous, j] }
                }
            }
            let norm = (0..<d).reduce(0.0) { $0 + result[i, $1] * result[i, $1] }.squareRoot()
            let original = (0..<d).reduce(0.0) { $0 + self[i, $1] * self[i, $1] }.squareRoot()
            for j in 0..<d { result[i, j] = norm > 1e-12 * original ? result[i, j] / norm : 0 }
        }
        return result
    }
}
