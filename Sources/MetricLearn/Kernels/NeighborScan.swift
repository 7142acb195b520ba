/// The scan of a nearest-neighbour search: each query's row of a tile is read once, turned into squared
/// distances, and the candidates that can still matter are offered to that query's `NeighborHeap`.
///
/// A value holds only read-only inputs, so threads can scan disjoint query rows of the same tile at once;
/// each touches only its own queries' heaps.
struct NeighborScan: Sendable {
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
    let distances: NeighborSearch.Distances
    private let pointNorms: [Double]
    private let queryNorms: [Double]
    private let largestPointNorm: Double

    init(queries: Matrix, points: Matrix, selfOffset: Int?, distances: NeighborSearch.Distances) {
        self.queries = queries
        self.points = points
        self.selfOffset = selfOffset
        self.distances = distances
        pointNorms = points.rowSquaredNorms()
        queryNorms = queries.rowSquaredNorms()
        largestPointNorm = pointNorms.max() ?? 0
    }

    /// Offers the candidates of `tile` to the heaps of the queries in `queryRows` (a sub-range of the tile's
    /// queries).
    ///
    /// The expanded squared distance is max(0, (−2q·r + ‖q‖²) + ‖r‖²), `PairwiseDistances`' expression, four
    /// points at a time (`SIMD4`); a candidate that can enter the heap is offered with the distance that
    /// `distances` names (see `NeighborSearch.Distances`). Almost every candidate fails the heap's bound, so the
    /// common case is one vector comparison and one branch per four points.
    func scan(_ queryRows: Range<Int>, of tile: Tile, into heaps: Heaps) {
        pointNorms.withUnsafeBufferPointer { pointNorms in
            guard let products = tile.products.baseAddress, let norms = pointNorms.baseAddress.map({ $0 + tile.firstPoint }),
                  let heapBase = heaps.buffer.baseAddress else { return }
            for query in queryRows {
                let row = products + (query - tile.firstQuery) * tile.pointCount
                let heap = heapBase + (query - tile.firstQuery)
                let queryNorm = queryNorms[query]
                let slack = ScreenedDistances.slack(queryNorm, largestPointNorm)
                let excluded = selfOffset.map { $0 + query - tile.firstPoint } ?? -1
                var threshold = threshold(heap.pointee.bound, slack)
                @inline(__always) func consider(_ squared: Double, _ j: Int) {
                    guard squared < threshold, j != excluded else { return }
                    let point = tile.firstPoint + j
                    let isReliable = distances == .expanded && ScreenedDistances.isReliable(squared, queryNorm, norms[j])
                    heap.pointee.offer(distance: isReliable ? squared : directSquaredDistance(query, point), index: point)
                    threshold = self.threshold(heap.pointee.bound, slack)
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

    /// The expanded distance below which a candidate needs a look, for a heap whose worst kept distance is
    /// `bound` and a query whose largest slack is `slack`. Expanded distances: below the bound, or nearly
    /// coincident (max(bound, the next value above the slack) tests both). Direct ones: the expansion is within
    /// the slack of the direct distance that must beat the bound.
    @inline(__always)
    private func threshold(_ bound: Double, _ slack: Double) -> Double {
        distances == .direct ? bound + slack : max(bound, slack.nextUp)
    }

    /// Σ(qₗ − rₗ)² between query row `query` and indexed point `point` (`ScreenedDistances.direct`).
    @inline(never)
    private func directSquaredDistance(_ query: Int, _ point: Int) -> Double {
        let d = points.columnCount
        return queries.elements.withUnsafeBufferPointer { q in
            points.elements.withUnsafeBufferPointer { r in
                ScreenedDistances.direct(q.baseAddress! + query * d, r.baseAddress! + point * d, count: d)
            }
        }
    }
}
