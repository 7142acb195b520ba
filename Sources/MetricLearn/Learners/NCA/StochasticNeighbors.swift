#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The stochastic-neighbour softmax of NCA on an embedding Z (n×k) and its derivative, computed in row blocks.
///
/// pᵢⱼ = exp(−‖zᵢ − zⱼ‖²) / Σ_{l≠i} exp(−‖zᵢ − z_l‖²) for j ≠ i, pᵢᵢ = 0, and pᵢ = Σ_{j: yⱼ = yᵢ} pᵢⱼ.
/// `evaluate` returns f = Σᵢ pᵢ and the matrix T (n×k) with ∂f/∂Z = 2T, so that for Z = X·Lᵀ the
/// gradient over L is ∂f/∂L = 2·Tᵀ·X. With W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) (Goldberger et al. 2005),
///
///     T = (W' + W'ᵀ − diag(rowsum W' + colsum W'))·Z,
///
/// accumulated block by block: a block B of rows adds W'_B·Z to its own rows of T and W'_Bᵀ·Z_B to all
/// of them (two `dgemm`s). The n×n matrix W' is never formed: only one block of it exists at a time.
///
/// Cost per evaluation: O(n²·k) for the block distances and the two products, plus n² `exp`.
/// Memory: two block buffers (≤ 2 · 4 Mi doubles) and O(n·k) for T.
struct StochasticNeighbors {
    /// Class labels, one per sample.
    let labels: [Int]
    /// Rows per block; nil uses the `PairwiseDistances` default (a 4 Mi-element budget).
    let blockRowCount: Int?

    /// Returns Σᵢ pᵢ for the embedding `z` and writes T (n×k, row-major) into `tangent`.
    func evaluate(embedding z: Matrix, tangent: inout [Double]) -> Double {
        let (n, k) = (z.rowCount, z.columnCount)
        precondition(labels.count == n && tangent.count == n * k, "Embedding, labels and tangent disagree")
        let height = max(1, min(blockRowCount ?? PairwiseDistances.defaultBlockRowCount(referenceCount: n), n))
        var weights = [Double](repeating: 0, count: height * n)     // one block of W'
        var rowSums = [Double](repeating: 0, count: n)
        var columnSums = [Double](repeating: 0, count: n)
        for index in tangent.indices { tangent[index] = 0 }
        var total = 0.0

        labels.withUnsafeBufferPointer { y in
            z.elements.withUnsafeBufferPointer { zBuffer in
                weights.withUnsafeMutableBufferPointer { w in
                    tangent.withUnsafeMutableBufferPointer { t in
                        PairwiseDistances.forEachBlock(queries: z, references: z, blockRowCount: height) { rows, distances in
                            for r in 0..<rows.count {
                                let i = rows.lowerBound + r
                                let row = UnsafeMutableBufferPointer(rebasing: w[(r * n)..<((r + 1) * n)])
                                total += Self.softmaxWeights(
                                    distances: UnsafeBufferPointer(rebasing: distances[(r * n)..<((r + 1) * n)]),
                                    sample: i, labels: y, into: row)
                                var rowSum = 0.0
                                for j in 0..<n {
                                    rowSum += row[j]
                                    columnSums[j] += row[j]
                                }
                                rowSums[i] = rowSum
                            }
                            let block = UnsafeBufferPointer(rebasing: w[0..<(rows.count * n)])
                            // T_B += W'_B · Z
                            BufferProducts.multiply(block, zBuffer, into: UnsafeMutableBufferPointer(rebasing: t[(rows.lowerBound * k)...]),
                                                    m: rows.count, n: k, k: n, beta: 1)
                            // T += W'_Bᵀ · Z_B
                            BufferProducts.multiply(block, transposingA: true,
                                                    UnsafeBufferPointer(rebasing: zBuffer[(rows.lowerBound * k)..<(rows.upperBound * k)]),
                                                    into: t, m: n, n: k, k: rows.count, beta: 1)
                        }
                        // T −= diag(rowsum + colsum) · Z
                        for i in 0..<n {
                            let scale = rowSums[i] + columnSums[i]
                            for c in 0..<k { t[i * k + c] -= scale * zBuffer[i * k + c] }
                        }
                    }
                }
            }
        }
        return total
    }

    /// Writes W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) for sample `i` into `weights` from its `distances` to every sample
    /// (n each) and returns pᵢ; ∂pᵢ/∂dᵢⱼ = −W'ᵢⱼ. The softmax subtracts the smallest off-diagonal distance
    /// first, so its largest term is exp(0) = 1 and nothing overflows or underflows to 0/0.
    static func softmaxWeights(distances: UnsafeBufferPointer<Double>, sample i: Int, labels y: UnsafeBufferPointer<Int>,
                               into weights: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = y.count
        let label = y[i]
        var nearest = Double.infinity
        for j in 0..<n where j != i { nearest = min(nearest, distances[j]) }
        var sum = 0.0, sameSum = 0.0
        for j in 0..<n {
            let e = j == i ? 0 : exp(nearest - distances[j])
            weights[j] = e
            sum += e
            if y[j] == label { sameSum += e }
        }
        let p = sameSum / sum
        let inverse = 1 / sum
        for j in 0..<n { weights[j] *= inverse * ((y[j] == label ? 1 : 0) - p) }
        return p
    }
}
