/// The scan of a nearest-neighbour search: each query's row of squared distances is read once, and the
/// candidates that can still matter are offered to that query's `NeighborHeap`.
///
/// A value holds only read-only inputs, so threads can scan disjoint query rows of the same tile at once;
/// each touches only its own queries' heaps.
struct NeighborScan: Sendable {
    /// Squared distances at or below this fraction of ‖q‖² + ‖r‖² are recomputed directly as Σ(qᵢ − rᵢ)².
    ///
    /// The BLAS expansion ‖q‖² + ‖r‖² − 2q·r loses about ε·(‖q‖² + ‖r‖²) to cancellation, so for nearly
    /// coincident points it is mostly rounding noise; recomputing those few candidates makes exact duplicates
    /// exactly 0 apart (which the distance-weighted vote relies on) and keeps near neighbours accurate.
    static let refinementFraction = 1e-8

    /// A tile of squared distances from `forEachBlock`: row i holds the distances from query `firstQuery + i`
    /// to points `firstPoint ..< firstPoint + pointCount`.
    struct Tile: @unchecked Sendable {
        let firstQuery: Int
        let firstPoint: Int
        let pointCount: Int
        let squaredDistances: UnsafeBufferPointer<Double>
    }

    /// One heap per query of the current tile row (heap i belongs to query `firstQuery + i`).
    struct Heaps: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<NeighborHeap>
    }

    let queries: Matrix
    let points: Matrix
    let selfOffset: Int?
    private let pointNorms: [Double]
    private let queryNorms: [Double]
    private let largestPointNorm: Double

    init(queries: Matrix, points: Matrix, selfOffset: Int?) {
        self.queries = queries
        self.points = points
        self.selfOffset = selfOffset
        pointNorms = points.rowSquaredNorms()
        queryNorms = queries.rowSquaredNorms()
        largestPointNorm = pointNorms.max() ?? 0
    }

    /// Offers the candidates of `tile` to the heaps of the queries in `queryRows` (a sub-range of the tile's
    /// queries). Points are visited in increasing index order, as `NeighborHeap.offer` requires.
    func scan(_ queryRows: Range<Int>, of tile: Tile, into heaps: Heaps) {
        for query in queryRows {
            let start = (query - tile.firstQuery) * tile.pointCount
            let row = UnsafeBufferPointer(rebasing: tile.squaredDistances[start ..< start + tile.pointCount])
            let queryNorm = queryNorms[query]
            // A candidate needs a look when it beats the heap's bound or may need refining; one comparison
            // against max(bound, the next value above the refinement bound) tests both.
            let refinementBound = (Self.refinementFraction * (queryNorm + largestPointNorm)).nextUp
            let excluded = selfOffset.map { $0 + query - tile.firstPoint } ?? -1
            var threshold = max(heaps.buffer[query - tile.firstQuery].bound, refinementBound)
            for j in 0..<tile.pointCount {
                let raw = row[j]
                guard raw < threshold, j != excluded else { continue }
                let point = tile.firstPoint + j
                let isUnreliable = raw <= Self.refinementFraction * (queryNorm + pointNorms[point])
                heaps.buffer[query - tile.firstQuery].offer(
                    distance: isUnreliable ? directSquaredDistance(query, point) : raw, index: point)
                threshold = max(heaps.buffer[query - tile.firstQuery].bound, refinementBound)
            }
        }
    }

    /// Σ(qᵢ − rᵢ)² between query row `query` and indexed point `point`, without cancellation.
    private func directSquaredDistance(_ query: Int, _ point: Int) -> Double {
        let d = points.columnCount
        var sum = 0.0
        for c in 0..<d {
            let difference = queries.elements[query * d + c] - points.elements[point * d + c]
            sum += difference * difference
        }
        return sum
    }
}
