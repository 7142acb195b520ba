/// Elementwise arithmetic. Shapes must match (a programmer error otherwise).
extension Matrix {
    private static func combine(_ lhs: Matrix, _ rhs: Matrix, _ operation: (Double, Double) -> Double) -> Matrix {
        precondition(lhs.rowCount == rhs.rowCount && lhs.columnCount == rhs.columnCount,
                     "Shapes differ: \(lhs.rowCount)×\(lhs.columnCount) vs \(rhs.rowCount)×\(rhs.columnCount)")
        return Matrix(rowCount: lhs.rowCount, columnCount: lhs.columnCount,
                      elements: zip(lhs.elements, rhs.elements).map(operation))
    }

    private func mapElements(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rowCount: rowCount, columnCount: columnCount, elements: elements.map(transform))
    }

    /// The elementwise sum.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, +) }
    /// The elementwise difference.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, -) }
    /// Every element negated.
    public static prefix func - (matrix: Matrix) -> Matrix { matrix.mapElements { -$0 } }
    /// Every element multiplied by `scalar`.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix { matrix.mapElements { scalar * $0 } }
    /// Every element multiplied by `scalar`.
    public static func * (matrix: Matrix, scalar: Double) -> Matrix { matrix.mapElements { $0 * scalar } }
    /// Every element divided by `scalar`.
    public static func / (matrix: Matrix, scalar: Double) -> Matrix { matrix.mapElements { $0 / scalar } }
    /// Adds `rhs` elementwise.
    public static func += (lhs: inout Matrix, rhs: Matrix) { lhs = lhs + rhs }
    /// Subtracts `rhs` elementwise.
    public static func -= (lhs: inout Matrix, rhs: Matrix) { lhs = lhs - rhs }

    /// The elementwise (Hadamard) product.
    public func hadamard(_ other: Matrix) -> Matrix { Matrix.combine(self, other, *) }

    /// The sum of the diagonal.
    public var trace: Double { diagonal.reduce(0, +) }

    /// The Frobenius norm, √Σ aᵢⱼ², computed with scaling so it cannot overflow for finite input.
    public var frobeniusNorm: Double {
        let scale = elements.reduce(0) { max($0, abs($1)) }
        guard scale > 0, scale.isFinite else { return scale }
        let sum = elements.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }
        return scale * sum.squareRoot()
    }

    /// The largest absolute difference from `other` (same shape).
    public func maxAbsoluteDifference(from other: Matrix) -> Double {
        precondition(rowCount == other.rowCount && columnCount == other.columnCount, "Shapes differ")
        return zip(elements, other.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// (A + Aᵀ)/2, the symmetric part of a square matrix; removes round-off asymmetry.
    public func symmetrized() -> Matrix {
        precondition(isSquare, "symmetrized() needs a square matrix")
        var result = self
        for i in 0..<rowCount {
            for j in (i + 1)..<max(i + 1, columnCount) {
                let mean = 0.5 * (self[i, j] + self[j, i])
                result[i, j] = mean
                result[j, i] = mean
            }
        }
        return result
    }

    /// Whether the matrix equals its transpose within `tolerance` (absolute, scaled by the largest element).
    public func isSymmetric(tolerance: Double = 1e-12) -> Bool {
        guard isSquare else { return false }
        let scale = max(1, elements.reduce(0) { max($0, abs($1)) })
        for i in 0..<rowCount {
            for j in (i + 1)..<max(i + 1, columnCount) where abs(self[i, j] - self[j, i]) > tolerance * scale {
                return false
            }
        }
        return true
    }
}
