/// The single-precision copies of a search's queries and points that its screening products (`sgemm`, twice the
/// speed of `dgemm`) are made from, with a bound on their round-off, so that the screen never drops a candidate
/// the double-precision rule would keep.
///
/// Both sets of rows are centred on the points' column means (distances do not change, norms shrink to the
/// data's spread) and multiplied by a power of two s that brings every coordinate below 1 in magnitude (exact in
/// binary, no overflow in `Float`). For a query q and a point r whose copies q′, r′ have squared norms ‖q′‖², ‖r′‖²,
/// the screened value F = ‖q′‖² + ‖r′‖² − 2·q′·r′ (the product from `sgemm`, the sums in `Float`) differs from
/// s²·‖q − r‖² by at most γ·(‖q′‖² + ‖r′‖²) + width·2⁻¹⁴⁰ with γ = (width + 16)·2⁻²³: rounding the coordinates
/// (2⁻²⁴ each) moves a squared distance by at most 4·2⁻²⁴·(‖q′‖² + ‖r′‖²), the product adds width·2⁻²⁴ times the
/// same, the norms (summed in `Double`, scaled by 1 − γ and rounded) and the sums seven more, and `Float`'s gradual
/// underflow an absolute width·2⁻¹⁴⁹; γ is about twice their sum. The screen therefore compares
/// (1 − γ)·‖q′‖² + (1 − γ)·‖r′‖² − 2·q′·r′ (the norms stored scaled) with a threshold that adds the absolute term
/// and the double-precision expansion's own round-off, (4·width + 32)·2⁻⁵³·(‖q‖² + ‖r‖²) at most.
/// Memory: 4 bytes a coordinate, half the rows' own.
struct SinglePrecisionScreen: Sendable {
    /// The queries' copies, row-major q×d.
    let queries: [Float]
    /// The points' copies, row-major n×d.
    let points: [Float]
    /// (1 − γ)·‖q′‖² of each query copy.
    let queryNorms: [Float]
    /// (1 − γ)·‖r′‖² of each point copy.
    let pointNorms: [Float]
    /// s², the factor from squared distances to screened values.
    let squaredScale: Double
    /// The bound on the double-precision expansion's round-off relative to ‖q‖² + ‖r‖².
    let expansionError: Double
    /// width·2⁻¹⁴⁰: the screen's absolute round-off (underflow).
    let absoluteError: Double

    /// The copies of `queries` and `points` (of one width); without `queries`, of the points searched among
    /// themselves (one copy, shared).
    init(queries: Matrix? = nil, points: Matrix) {
        let d = points.columnCount
        let center = points.columnMeans()
        // The largest |x − centre| from each column's extremes (rounding is monotonic: the same value).
        var lowest = [Double](repeating: .infinity, count: d), highest = [Double](repeating: -.infinity, count: d)
        for x in queries.map({ [$0, points] }) ?? [points] {
            x.elements.withUnsafeBufferPointer { values in
                lowest.withUnsafeMutableBufferPointer { lowest in
                    highest.withUnsafeMutableBufferPointer { highest in
                        for row in 0..<x.rowCount {
                            let source = values.baseAddress! + row * d
                            for column in 0..<d {
                                lowest[column] = min(lowest[column], source[column])
                                highest[column] = max(highest[column], source[column])
                            }
                        }
                    }
                }
            }
        }
        var largest = 0.0
        for column in 0..<d where lowest[column] <= highest[column] {
            largest = max(largest, highest[column] - center[column], center[column] - lowest[column])
        }
        // 2^e > largest, so that every scaled coordinate is below 1; e is kept within ±500 so that s² is a finite,
        // positive Double (coordinates beyond 2^500 stay far inside Float's range after scaling).
        let exponent = largest > 0 ? min(max(Int(largest.exponent) + 1, -500), 500) : 0
        let scale = Double(sign: .plus, exponent: -exponent, significand: 1)
        let relativeError = Double(d + 16) * 0x1p-23
        func copy(_ x: Matrix) -> (rows: [Float], norms: [Float]) {
            var norms = [Float](repeating: 0, count: x.rowCount)
            let rows = [Float](unsafeUninitializedCapacity: x.rowCount * d) { buffer, initialized in
                x.elements.withUnsafeBufferPointer { values in
                    center.withUnsafeBufferPointer { center in
                        for row in 0..<x.rowCount {
                            let (source, target) = (values.baseAddress! + row * d, buffer.baseAddress! + row * d)
                            for column in 0..<d { target[column] = Float((source[column] - center[column]) * scale) }
                            var (norm0, norm1) = (0.0, 0.0)
                            var column = 0
                            while column + 2 <= d {
                                norm0 += Double(target[column]) * Double(target[column])
                                norm1 += Double(target[column + 1]) * Double(target[column + 1])
                                column += 2
                            }
                            if column < d { norm0 += Double(target[column]) * Double(target[column]) }
                            norms[row] = Float((1 - relativeError) * (norm0 + norm1))
                        }
                    }
                }
                initialized = x.rowCount * d
            }
            return (rows, norms)
        }
        (self.points, pointNorms) = copy(points)
        (self.queries, queryNorms) = queries.map(copy) ?? (self.points, pointNorms)
        squaredScale = scale * scale
        expansionError = Double(4 * d + 32) * 0x1p-53
        absoluteError = Double(d) * 0x1p-140
    }

    /// The screened value below which a query must look at a candidate: every point whose expanded squared
    /// distance is below `threshold` has a screened value below it, given the query's squared norm and the
    /// largest point's (`queryNorm`, `largestPointNorm`, of the rows themselves). Rounded up to `Float`; ∞ stays ∞.
    @inline(__always)
    func threshold(_ threshold: Double, queryNorm: Double, largestPointNorm: Double) -> Float {
        let bound = squaredScale * (threshold + expansionError * (queryNorm + largestPointNorm)) + absoluteError
        let rounded = Float(bound)
        return Double(rounded) >= bound ? rounded : rounded.nextUp
    }
}
