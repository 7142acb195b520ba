/// Exact nearest-neighbour retrieval over a fixed set of points (the rows of `points`), in Euclidean distance.
///
/// Search is brute force through BLAS: one single-precision `sgemm` writes −2·q′·r′ for a cache-sized tile
/// (256 queries × 1024 points) of centred, scaled `Float` copies, the scan adds the norms as it reads the tile and
/// screens the points with a bound on that round-off, and only the few that can enter a query's k best get their
/// distance in double precision and a place in its bounded heap, so no full sort and no n×n matrix are ever made.
/// Time O(m·n·d) for m queries (`sgemm`, twice `dgemm`'s speed) plus O(m·n) for the screen and O(m·k·log(n)·d)
/// typically for the candidates; memory O(tile + (m + n)·d + m·k) (the `Float` copies, half the points' own
/// memory, and the results).
///
/// Candidates are ordered by the expanded squared distance ‖q‖² + ‖r‖² − 2q·r in double precision (the product
/// summed in order with fused multiply-adds, the values a `dgemm` gives, as scikit-learn's brute search orders
/// them), recomputed directly near 0, then by index. So exact duplicates are exactly 0 apart, at equal distance
/// the lower index comes first, and the neighbours do not depend on the BLAS library or its threads. To search in a learned space, index
/// `metric.transform(x)` and transform the queries the same way (`NeighborsClassifier` does this for you).
public struct NearestNeighborIndex: Sendable, Hashable {
    /// The indexed points, one per row.
    public let points: Matrix

    /// Indexes the rows of `points`.
    ///
    /// - Throws: `emptyInput` for no rows or no columns, `nonFiniteValue` for NaN/∞, `overflow` naming a row whose
    ///   squared norm is beyond Double's range (its distances could not be computed).
    public init(points: Matrix) throws(MetricLearnError) {
        try Validation.checkFeatures(points)
        try Self.checkRepresentable(points)
        self.points = points
    }

    /// The number of indexed points.
    public var count: Int { points.rowCount }

    /// The number of coordinates of each point.
    public var dimension: Int { points.columnCount }

    /// The `count` nearest indexed points of each row of `queries`, nearest first.
    ///
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞, `overflow` naming a query
    ///   whose squared norm is beyond Double's range, `invalidParameter` when `count` is not in 1...`self.count`.
    public func neighbors(of queries: Matrix, count: Int) throws(MetricLearnError) -> NeighborSearchResult {
        try Validation.require(count >= 1 && count <= self.count, "count", count,
                               "must be between 1 and the number of indexed points (\(self.count))")
        try Validation.checkTransformInput(queries, expectedWidth: dimension)
        try Self.checkRepresentable(queries)
        return search(queries, count: count)
    }

    /// The `count` nearest other indexed points of every indexed point, nearest first: point i never appears
    /// in its own list (an exact duplicate of it at another index does).
    ///
    /// - Throws: `invalidParameter` when `count` is not in 1...`self.count − 1`.
    public func neighborsOfIndexedPoints(count: Int) throws(MetricLearnError) -> NeighborSearchResult {
        try neighborsOfIndexedPoints(count: count, approximate: nil)
    }

    /// `neighborsOfIndexedPoints(count:)`, through `approximate` when it is given (see `search(_:count:approximate:)`).
    func neighborsOfIndexedPoints(count: Int, approximate: HNSWIndex?) throws(MetricLearnError) -> NeighborSearchResult {
        try Validation.require(count >= 1 && count < self.count, "count", count,
                               "must be between 1 and the number of indexed points minus one (\(self.count - 1))")
        return try search(points, count: count, approximate: approximate, selfOffset: 0)
    }

    /// The `count` nearest points of each query row (`NeighborSearch`), with Euclidean distances. With `selfOffset`,
    /// query i is indexed point `selfOffset + i` and skips it. Inputs are already validated.
    func search(_ queries: Matrix, count: Int, selfOffset: Int? = nil) -> NeighborSearchResult {
        let (indices, squaredDistances) = NeighborSearch.nearest(to: queries, in: points, count: count, selfOffset: selfOffset)
        return NeighborSearchResult(queryCount: queries.rowCount, neighborCount: count,
                                    indices: indices, distances: squaredDistances.map { $0.squareRoot() })
    }

    /// Rejects rows whose squared norm overflows, which would turn their distances into NaN.
    private static func checkRepresentable(_ x: Matrix) throws(MetricLearnError) {
        if let row = x.rowSquaredNorms().firstIndex(where: { !$0.isFinite }) {
            throw .overflow(row: row, column: nil, what: "the squared distance to the row")
        }
    }
}
