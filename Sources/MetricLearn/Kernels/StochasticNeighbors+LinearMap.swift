/// The engine as an objective of a linear map: what NCA and MLKR evaluate for L-BFGS.
extension StochasticNeighbors {
    /// sign·f for the embedding Z = X·Lᵀ of the samples `x` (n×d) by the components L (k×d, `point` flattened
    /// row-major), with sign·∂f/∂L = sign·2·Tᵀ·X written into `gradient`: two `dgemm`s around `evaluate()`.
    /// `sign` = −1 turns an objective the learner maximises into one the optimiser minimises.
    func valueAndGradient(ofComponents point: [Double], samples x: Matrix, sign: Double,
                          gradient: inout [Double]) -> Double {
        let (n, d, k) = (x.rowCount, x.columnCount, componentCount)
        x.elements.withUnsafeBufferPointer { samples in
            point.withUnsafeBufferPointer { components in
                embedding.withUnsafeMutableBufferPointer { z in
                    BufferProducts.multiplyInParallel(samples, components, transposingB: true, into: z, m: n, n: k, k: d)
                }
            }
        }
        let value = evaluate()
        // ∂f/∂L = 2·Tᵀ·X, written straight into the optimiser's buffer.
        tangent.withUnsafeBufferPointer { t in
            x.elements.withUnsafeBufferPointer { samples in
                gradient.withUnsafeMutableBufferPointer { g in
                    BufferProducts.multiplyInParallel(t, transposingA: true, samples, into: g, m: k, n: d, k: n, alpha: 2 * sign)
                }
            }
        }
        return sign * value
    }
}
