/// Exact k-nearest-neighbour search in squared Euclidean distance, brute force through BLAS: the search behind
/// `NearestNeighborIndex` and LMNN's target neighbours. Single-precision products screen the points
/// (`SinglePrecisionScreen`, twice `dgemm`'s speed); the few candidates that pass are decided in double precision.
///
/// Neighbours are the `count` smallest by (squared distance, index) — `NeighborHeap`'s tie rule — where the
/// squared distance is the one `Distances` names.
enum NeighborSearch {
    /// Which squared distances decide the order (both as `ScreenedDistances` describes, with its one tolerance).
    enum Distances {
        /// The expansion (`ScreenedDistances.expanded`: the values a `dgemm` gives), recomputed directly within the
        /// slack of 0, so duplicates are exactly 0 apart; distances equal up to rounding are ordered as the expansion
        /// rounds them, like scikit-learn's brute search (k-NN).
        case expanded
        /// Direct differences for every candidate that can enter the k best: a brute-force sort of Σ(qₗ − rₗ)²,
        /// the same on any BLAS (LMNN's target neighbours, which are fixed for a whole fit).
        case direct
    }

    /// The most queries per block: with `referenceTileRowCount` this makes tiles of at most 256 × 1024 products
    /// (1 MiB), small enough to stay in cache between the `sgemm` that writes a tile and the scan that reads it
    /// (measured: about 30% less time than one pass over all points per query block).
    static let queryTileRowCount = 256
    /// Indexed points per tile column.
    static let referenceTileRowCount = 1024

    /// Queries per block for `queryCount` queries: about an eighth of them (so that a few hundred queries still
    /// make several jobs), a multiple of 8 between 16 and `queryTileRowCount`. It depends on the query count
    /// alone, so the tiles, and every product in them, are the same on any machine.
    static func queryBlockHeight(queryCount q: Int) -> Int {
        min(queryTileRowCount, max(16, ((q + 7) / 8 + 7) / 8 * 8))
    }

    /// The `count` nearest rows of `points` to each row of `queries`, nearest first: row-major
    /// `queries.rowCount × count` indices and their squared distances. With `selfOffset`, query i is point
    /// `selfOffset + i` and skips it. Needs `count` candidates per query and rows whose squared norms are finite.
    ///
    /// Queries are taken in blocks (`queryBlockHeight`), each a `Parallel` job on its own core: for each block,
    /// the points are visited in index order `referenceTileRowCount` rows at a time (row ranges of the screen's
    /// copies). One `sgemm` writes −2·Q′·R′ᵀ into the worker's tile buffer, and the scan (`NeighborScan`) adds the
    /// norms while it reads the tile, so each tile is written once and read once, with no barrier between the
    /// product and the scan. Every query keeps its candidates in its own heap across the tiles. Memory: the
    /// single-precision copies (4 bytes a coordinate of queries and points), and per worker one tile and one
    /// heap per query of a block.
    static func nearest(to queries: Matrix, in points: Matrix, count: Int, selfOffset: Int? = nil,
                        distances rule: Distances = .expanded) -> (indices: [Int], squaredDistances: [Double]) {
        let scan = NeighborScan(queries: queries, points: points, selfOffset: selfOffset, distances: rule)
        let (q, n, d) = (queries.rowCount, points.rowCount, queries.columnCount)
        let height = queryBlockHeight(queryCount: q)
        let (blockCount, width) = ((q + height - 1) / height, min(referenceTileRowCount, n))
        let workers = min(Parallel.workerCount, max(1, blockCount))
        var heaps = (0..<(workers * height)).map { _ in NeighborHeap(capacity: count) }
        var tiles = [Float](repeating: 0, count: workers * height * width)
        var indices = [Int](repeating: 0, count: q * count)
        var distances = [Double](repeating: 0, count: q * count)

        scan.screen.queries.withUnsafeBufferPointer { queryValues in
            scan.screen.points.withUnsafeBufferPointer { pointValues in
                heaps.withUnsafeMutableBufferPointer { heaps in
                    tiles.withUnsafeMutableBufferPointer { tiles in
                        indices.withUnsafeMutableBufferPointer { indices in
                            distances.withUnsafeMutableBufferPointer { distances in
                                let buffers = SearchBuffers(queries: queryValues, points: pointValues, heaps: heaps,
                                                            tiles: tiles, indices: indices, distances: distances)
                                Parallel.forEach(jobs: blockCount, work: q * n * (d + 4), maxWorkers: workers) { block, worker in
                                    let rows = (block * height)..<min(q, (block + 1) * height)
                                    let heaps = NeighborScan.Heaps(buffer: UnsafeMutableBufferPointer(
                                        rebasing: buffers.heaps[(worker * height)..<((worker + 1) * height)]))
                                    let tile = UnsafeMutableBufferPointer(
                                        rebasing: buffers.tiles[(worker * height * width)..<((worker + 1) * height * width)])
                                    for first in stride(from: 0, to: n, by: width) {
                                        let columns = first..<min(n, first + width)
                                        BufferProducts.multiplyTransposingB(
                                            UnsafeBufferPointer(rebasing: buffers.queries[(rows.lowerBound * d)..<(rows.upperBound * d)]),
                                            UnsafeBufferPointer(rebasing: buffers.points[(columns.lowerBound * d)..<(columns.upperBound * d)]),
                                            into: tile, m: rows.count, n: columns.count, k: d, alpha: -2)
                                        let products = NeighborScan.Tile(
                                            firstQuery: rows.lowerBound, firstPoint: first, pointCount: columns.count,
                                            products: UnsafeBufferPointer(rebasing: tile[0..<(rows.count * columns.count)]))
                                        scan.scan(rows, of: products, into: heaps)
                                    }
                                    for query in rows {
                                        heaps.buffer[query - rows.lowerBound].drain(
                                            intoDistances: buffers.distances.baseAddress!, indices: buffers.indices.baseAddress!,
                                            at: query * count)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (indices, distances)
    }
}

/// The buffers of one search (`queries` and `points` are the screen's copies): block b writes only its queries'
/// rows of `indices` and `distances`, and worker w only its own heaps and tile.
private struct SearchBuffers: @unchecked Sendable {
    let queries: UnsafeBufferPointer<Float>
    let points: UnsafeBufferPointer<Float>
    let heaps: UnsafeMutableBufferPointer<NeighborHeap>
    let tiles: UnsafeMutableBufferPointer<Float>
    let indices: UnsafeMutableBufferPointer<Int>
    let distances: UnsafeMutableBufferPointer<Double>
}
