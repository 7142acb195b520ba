/// The scan of a nearest-neighbour search: each query's row of a screening tile is read once, and the candidates
/// that can still matter are given their double-precision squared distance and offered to that query's
/// `NeighborHeap`.
///
/// A value holds only read-only inputs, so threads can scan disjoint query rows of the same tile at once;
/// each touches only its own queries' heaps.
struct NeighborScan: Sendable {
    /// A tile of single-precision products −2·q′·r′ of the screen's copies from one `sgemm`: row i holds them for
    /// query `firstQuery + i` and points `firstPoint ..< firstPoint + pointCount`. The scan adds the norms itself.
    struct Tile: @unchecked Sendable {
        let firstQuery: Int
        let firstPoint: Int
        let pointCount: Int
        let products: UnsafeBufferPointer<Float>
    }

    /// One heap per query of the current tile row (heap i belongs to query `firstQuery + i`).
    struct Heaps: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<NeighborHeap>
    }

    let queries: Matrix
    let points: Matrix
    let selfOffset: Int?
    let distances: NeighborSearch.Distances
    /// The single-precision copies the tiles are made from.
    let screen: SinglePrecisionScreen
    private let pointNorms: [Double]
    private let queryNorms: [Double]
    private let largestPointNorm: Double

    init(queries: Matrix, points: Matrix, selfOffset: Int?, distances: NeighborSearch.Distances) {
        self.queries = queries
        self.points = points
        self.selfOffset = selfOffset
        self.distances = distances
        screen = SinglePrecisionScreen(queries: queries, points: points)
        pointNorms = points.rowSquaredNorms()
        queryNorms = queries.rowSquaredNorms()
        largestPointNorm = pointNorms.max() ?? 0
    }

    /// Offers the candidates of `tile` to the heaps of the queries in `queryRows` (a sub-range of the tile's
    /// queries).
    ///
    /// A point needs a look when its screened value (eight points at a time, two `SIMD4`) is below the screen's
    /// threshold for the query's double-precision threshold; almost every point fails, so the
    /// common case is one vector comparison and one branch per eight points. A point that passes is offered with
    /// the distance that `distances` names (see `NeighborSearch.Distances`): its direct distance, or the expanded
    /// squared distance max(0, (−2q·r + ‖q‖²) + ‖r‖²) — `PairwiseDistances`' expression, the product summed in
    /// order with fused multiply-adds as `dgemm`'s kernels do — when that is below the threshold.
    func scan(_ queryRows: Range<Int>, of tile: Tile, into heaps: Heaps) {
        pointNorms.withUnsafeBufferPointer { pointNorms in
            screen.pointNorms.withUnsafeBufferPointer { copyNorms in
                guard let products = tile.products.baseAddress, let norms = pointNorms.baseAddress.map({ $0 + tile.firstPoint }),
                      let copyNorms = copyNorms.baseAddress.map({ $0 + tile.firstPoint }),
                      let heapBase = heaps.buffer.baseAddress else { return }
                for query in queryRows {
                    let row = products + (query - tile.firstQuery) * tile.pointCount
                    let heap = heapBase + (query - tile.firstQuery)
                    let queryNorm = queryNorms[query]
                    let copyNorm = screen.queryNorms[query]
                    let slack = ScreenedDistances.slack(queryNorm, largestPointNorm)
                    let excluded = selfOffset.map { $0 + query - tile.firstPoint } ?? -1
                    var threshold = threshold(heap.pointee.bound, slack)
                    var screened = screen.threshold(threshold, queryNorm: queryNorm, largestPointNorm: largestPointNorm)
                    @inline(__always) func consider(_ j: Int) {
                        guard j != excluded else { return }
                        let point = tile.firstPoint + j
                        if distances == .direct {
                            // The heap orders by the direct distance: one that cannot be kept is simply refused.
                            heap.pointee.offer(distance: directSquaredDistance(query, point), index: point)
                        } else {
                            let squared = expandedSquaredDistance(query, point, queryNorm, norms[j])
                            guard squared < threshold else { return }
                            let isReliable = ScreenedDistances.isReliable(squared, queryNorm, norms[j])
                            heap.pointee.offer(distance: isReliable ? squared : directSquaredDistance(query, point),
                                               index: point)
                        }
                        threshold = self.threshold(heap.pointee.bound, slack)
                        screened = screen.threshold(threshold, queryNorm: queryNorm, largestPointNorm: largestPointNorm)
                    }
                    let queryNormLanes = SIMD4<Float>(repeating: copyNorm)
                    @inline(__always) func screenedValues(_ j: Int) -> SIMD4<Float> {
                        (UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Float>.self) + queryNormLanes)
                            + UnsafeRawPointer(copyNorms + j).loadUnaligned(as: SIMD4<Float>.self)
                    }
                    var j = 0
                    while j + 8 <= tile.pointCount {
                        let (low, high) = (screenedValues(j), screenedValues(j + 4))
                        let limit = SIMD4<Float>(repeating: screened)
                        if any((low .< limit) .| (high .< limit)) {
                            for lane in 0..<4 where low[lane] < screened { consider(j + lane) }
                            for lane in 0..<4 where high[lane] < screened { consider(j + 4 + lane) }
                        }
                        j += 8
                    }
                    while j < tile.pointCount {
                        if (row[j] + copyNorm) + copyNorms[j] < screened { consider(j) }
                        j += 1
                    }
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

    /// max(0, (−2q·r + ‖q‖²) + ‖r‖²) between query row `query` and indexed point `point`, whose squared norms are
    /// given (`ScreenedDistances.expanded`).
    @inline(__always)
    private func expandedSquaredDistance(_ query: Int, _ point: Int, _ queryNorm: Double, _ pointNorm: Double) -> Double {
        let d = points.columnCount
        return queries.elements.withUnsafeBufferPointer { q in
            points.elements.withUnsafeBufferPointer { r in
                ScreenedDistances.expanded(q.baseAddress! + query * d, r.baseAddress! + point * d, count: d,
                                           squaredNorms: (queryNorm, pointNorm))
            }
        }
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
