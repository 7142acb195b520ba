/// The scan of a nearest-neighbour search: each query's row of a tile is read once, turned into squared
/// distances, and the candidates that can still matter are offered to that query's `NeighborHeap`.
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

    /// A tile of products −2·q·r from one `dgemm`: row i holds them for query `firstQuery + i` and points
    /// `firstPoint ..< firstPoint + pointCount`. The scan adds the squared norms itself.
    struct Tile: @unchecked Sendable {
        let firstQuery: Int
        let firstPoint: Int
        let pointCount: Int
        let products: UnsafeBufferPointer<Double>
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
    ///
    /// The squared distance is max(0, (−2q·r + ‖q‖²) + ‖r‖²), `PairwiseDistances`' expression, four points at
    /// a time (`SIMD4`); almost every candidate fails the heap's bound, so the common case is one vector
    /// comparison and one branch per four points.
    func scan(_ queryRows: Range<Int>, of tile: Tile, into heaps: Heaps) {
        pointNorms.withUnsafeBufferPointer { pointNorms in
            guard let products = tile.products.baseAddress, let norms = pointNorms.baseAddress.map({ $0 + tile.firstPoint }),
                  let heapBase = heaps.buffer.baseAddress else { return }
            for query in queryRows {
                let row = products + (query - tile.firstQuery) * tile.pointCount
                let heap = heapBase + (query - tile.firstQuery)
                let queryNorm = queryNorms[query]
                // A candidate needs a look when it beats the heap's bound or may need refining; one comparison
                // against max(bound, the next value above the refinement bound) tests both.
                let refinementBound = (Self.refinementFraction * (queryNorm + largestPointNorm)).nextUp
                let excluded = selfOffset.map { $0 + query - tile.firstPoint } ?? -1
                var threshold = max(heap.pointee.bound, refinementBound)
                @inline(__always) func consider(_ squared: Double, _ j: Int) {
                    guard squared < threshold, j != excluded else { return }
                    let point = tile.firstPoint + j
                    let isUnreliable = squared <= Self.refinementFraction * (queryNorm + norms[j])
                    heap.pointee.offer(distance: isUnreliable ? directSquaredDistance(query, point) : squared, index: point)
                    threshold = max(heap.pointee.bound, refinementBound)
                }
                let queryNormLanes = SIMD4<Double>(repeating: queryNorm)
                var j = 0
                while j + 4 <= tile.pointCount {
                    let sums = (UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self) + queryNormLanes)
                        + UnsafeRawPointer(norms + j).loadUnaligned(as: SIMD4<Double>.self)
                    let squared = sums.replacing(with: 0, where: sums .< 0)
                    if any(squared .< SIMD4(repeating: threshold)) {
                        for lane in 0..<4 { consider(squared[lane], j + lane) }
                    }
                    j += 4
                }
                while j < tile.pointCount {
                    consider(max(0, row[j] + queryNorm + norms[j]), j)
                    j += 1
                }
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
