/// Squared Euclidean distances as the neighbour searches use them: the expansion ‖a‖² + ‖b‖² − 2a·b (`expanded`,
/// for the candidates that pass `SinglePrecisionScreen`), with direct differences Σ(aₗ − bₗ)² where the expansion
/// cannot be trusted.
///
/// The expansion loses up to about 2·width·ε·(‖a‖² + ‖b‖²) to cancellation; `slack`, with the one `tolerance`
/// of every search, exceeds that for up to about 10⁷ coordinates. So:
/// - An expanded distance within the slack of 0 is mostly rounding noise (nearly coincident points) and is
///   recomputed directly (`isReliable`): exact duplicates are exactly 0 apart and near neighbours accurate.
/// - A screen "expanded distance < r + slack" never loses a pair whose direct distance is below r, so a search
///   that screens that way and then decides on direct distances gives a brute-force result on any BLAS
///   (`NeighborSearch.Distances.direct`, LMNN's impostors).
enum ScreenedDistances {
    /// The slack relative to the squared norms of the two points.
    static let tolerance = 1e-8

    /// τ·(‖a‖² + ‖b‖²) for points with squared norms `squaredNormA` and `squaredNormB`: more than the
    /// expansion's round-off.
    @inline(__always)
    static func slack(_ squaredNormA: Double, _ squaredNormB: Double) -> Double {
        tolerance * (squaredNormA + squaredNormB)
    }

    /// Whether an expanded squared distance is used as it is: above the slack of its points.
    @inline(__always)
    static func isReliable(_ squaredDistance: Double, _ squaredNormA: Double, _ squaredNormB: Double) -> Bool {
        squaredDistance > slack(squaredNormA, squaredNormB)
    }

    /// The expansion max(0, (−2·a·b + ‖a‖²) + ‖b‖²) for points with the given squared norms, the product a·b
    /// summed in coordinate order with fused multiply-adds (the order of OpenBLAS's `dgemm` kernels for tiles of
    /// up to 256 coordinates, so the value is usually the bits a `dgemm` tile would give; it never depends on
    /// the BLAS library).
    @inline(__always)
    static func expanded(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int,
                         squaredNorms: (Double, Double)) -> Double {
        var product = 0.0
        for l in 0..<count { product.addProduct(a[l], b[l]) }
        return max(0, (-2 * product + squaredNorms.0) + squaredNorms.1)
    }

    /// Σ(aₗ − bₗ)² over `count` coordinates, summed in order: exact for identical points, unlike the expansion.
    @inline(__always)
    static func direct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for l in 0..<count {
            let difference = a[l] - b[l]
            sum += difference * difference
        }
        return sum
    }
}

extension UnsafeBufferPointer<Double> {
    /// ‖row a − row b‖² for rows of `width` elements in this row-major buffer, by direct differences
    /// (`ScreenedDistances.direct`).
    func squaredDistance(between a: Int, and b: Int, width: Int) -> Double {
        guard let base = baseAddress else { return 0 }
        return ScreenedDistances.direct(base + a * width, base + b * width, count: width)
    }
}
