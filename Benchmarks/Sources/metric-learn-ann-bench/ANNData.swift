import MetricLearn

/// The seeded data of `make bench-ann` (Docs/Performance.md, *Approximate nearest neighbours*).
enum ANNData: String, CaseIterable {
    /// The structure of a learned embedding: a 10-class Gaussian mixture in a random 10-dimensional subspace
    /// (class centres N(0, 3²) per latent coordinate, unit spread around them), plus isotropic noise of s.d. 0.1
    /// in every dimension.
    case embedding
    /// Isotropic Gaussian noise N(0, 1) in every dimension, where no graph index does well.
    case noise

    /// `rows` points and then `queries` queries from the same distribution, both from `seed`.
    func make(rows: Int, queries: Int, dimension: Int, seed: UInt64) -> (points: Matrix, queries: Matrix) {
        var generator = SeededGenerator(seed: seed)
        let total = rows + queries
        var elements = [Double](repeating: 0, count: total * dimension)
        switch self {
        case .noise:
            for i in elements.indices { elements[i] = generator.nextGaussian() }
        case .embedding:
            let (latent, classes) = (min(10, dimension), 10)
            let basis = Self.orthonormalRows(latent, dimension, &generator)
            let centres = (0..<classes * latent).map { _ in 3 * generator.nextGaussian() }
            var z = [Double](repeating: 0, count: latent)
            for i in 0..<total {
                let c = generator.nextIndex(below: classes)
                for s in 0..<latent { z[s] = centres[c * latent + s] + generator.nextGaussian() }
                for j in 0..<dimension {
                    var value = 0.1 * generator.nextGaussian()
                    for s in 0..<latent { value += z[s] * basis[s * dimension + j] }
                    elements[i * dimension + j] = value
                }
            }
        }
        let all = Matrix(rowCount: total, columnCount: dimension, elements: elements)
        return (all.rows(at: 0..<rows), all.rows(at: rows..<total))
    }

    /// `count` orthonormal rows of length `width` (Gram–Schmidt on Gaussian rows): a random subspace's basis.
    private static func orthonormalRows(_ count: Int, _ width: Int, _ generator: inout SeededGenerator) -> [Double] {
        var rows = [Double](repeating: 0, count: count * width)
        for r in 0..<count {
            var v = (0..<width).map { _ in generator.nextGaussian() }
            for p in 0..<r {
                let dot = (0..<width).reduce(0) { $0 + v[$1] * rows[p * width + $1] }
                for j in 0..<width { v[j] -= dot * rows[p * width + j] }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for j in 0..<width { rows[r * width + j] = v[j] / norm }
        }
        return rows
    }
}
