/// Exact k-nearest-neighbour search in squared Euclidean distance, brute force through BLAS: the search behind
/// `NearestNeighborIndex` and LMNN's target neighbours.
///
/// Neighbours are the `count` smallest by (squared distance, index) — `NeighborHeap`'s tie rule — where the
/// squared distance is the one `Distances` names.
enum NeighborSearch {
    /// Which squared distances decide the order (both as `ScreenedDistances` describes, with its one tolerance).
    enum Distances {
        /// The BLAS expansion, recomputed directly within the slack of 0, so duplicates are exactly 0 apart; distances
        /// equal up to rounding are ordered as the expansion rounds them, like scikit-learn's brute search (k-NN).
        case expanded
        /// Direct differences for every candidate that can enter the k best: a brute-force sort of Σ(qₗ − rₗ)²,
        /// the same on any BLAS (LMNN's target neighbours, which are fixed for a whole fit).
        case direct
    }

    /// Queries per tile row. With `referenceTileRowCount` this makes 256 × 1024 tiles of products
    /// (2 MiB), small enough to stay in cache between the `dgemm` that writes a tile and the scan that reads it
    /// (measured: about 30% less time than one pass over all points per query block).
    static let queryTileRowCount = 256
    /// Indexed points per tile column.
    static let referenceTileRowCount = 1024

    /// The `count` nearest rows of `points` to each row of `queries`, nearest first: row-major
    /// `queries.rowCount × count` indices and their squared distances. With `selfOffset`, query i is point
    /// `selfOffset + i` and skips it. Needs `count` candidates per query and rows whose squared norms are finite.
    ///
    /// Queries are taken a tile row at a time; for each, the points are visited in index order a tile column at
    /// a time (copies of `referenceTileRowCount` rows, made once per search when there are at least
    /// `queryTileRowCount` queries). One `dgemm` writes −2·Q·Rᵀ into a tile buffer reused for the whole search,
    /// and the scan (`NeighborScan`) adds the squared norms while it reads the tile, so each tile is written once
    /// and read once. Every query keeps its candidates in its own heap across the tiles; the rows of a large
    /// tile are scanned in `Parallel` chunks, one per processor (each query's result is its own, so the split
    /// does not change it). Memory: the tile (or, for fewer queries, a block of queries × n), one heap per tile
    /// row, and the copy of the points.
    static func nearest(to queries: Matrix, in points: Matrix, count: Int, selfOffset: Int? = nil,
                        distances rule: Distances = .expanded) -> (indices: [Int], squaredDistances: [Double]) {
        let scan = NeighborScan(queries: queries, points: points, selfOffset: selfOffset, distances: rule)
        // Fewer queries than a tile row: one pass over all points (a block of at most 256 × n distances), with
        // no copy of the points, which would cost more than the cache misses it saves.
        let columnWidth = queries.rowCount < Self.queryTileRowCount ? points.rowCount : Self.referenceTileRowCount
        let columns = stride(from: 0, to: points.rowCount, by: columnWidth).map { start in
            let range = start ..< min(points.rowCount, start + columnWidth)
            return (first: start, points: range.count == points.rowCount ? points : points.rows(at: range))
        }
        let processorCount = Parallel.processorCount
        let tileRowCount = min(Self.queryTileRowCount, queries.rowCount)
        let d = queries.columnCount
        var heaps = (0..<tileRowCount).map { _ in NeighborHeap(capacity: count) }
        var tile = [Double](repeating: 0, count: tileRowCount * min(columnWidth, points.rowCount))
        var indices = [Int](repeating: 0, count: queries.rowCount * count)
        var distances = [Double](repeating: 0, count: queries.rowCount * count)

        heaps.withUnsafeMutableBufferPointer { heaps in
            let heaps = NeighborScan.Heaps(buffer: heaps)
            for start in stride(from: 0, to: queries.rowCount, by: Self.queryTileRowCount) {
                let rows = start ..< min(queries.rowCount, start + Self.queryTileRowCount)
                for column in columns {
                    let size = rows.count * column.points.rowCount
                    queries.elements.withUnsafeBufferPointer { q in
                        column.points.elements.withUnsafeBufferPointer { r in
                            tile.withUnsafeMutableBufferPointer { c in
                                BufferProducts.multiply(UnsafeBufferPointer(rebasing: q[(start * d) ..< (rows.upperBound * d)]),
                                                        r, transposingB: true, into: c,
                                                        m: rows.count, n: column.points.rowCount, k: d, alpha: -2)
                            }
                        }
                    }
                    tile.withUnsafeBufferPointer { products in
                        let tile = NeighborScan.Tile(firstQuery: start, firstPoint: column.first,
                                                     pointCount: column.points.rowCount,
                                                     products: UnsafeBufferPointer(rebasing: products[0..<size]))
                        let chunkCount = min(processorCount, rows.count)
                        Parallel.forEachChunk(count: chunkCount, work: size) { chunk in
                            let part = Parallel.chunk(chunk, of: rows.count, count: chunkCount)
                            scan.scan(start + part.lowerBound ..< start + part.upperBound, of: tile, into: heaps)
                        }
                    }
                }
                for query in rows {
                    heaps.buffer[query - start].drain(intoDistances: &distances, indices: &indices, at: query * count)
                }
            }
        }
        return (indices, distances)
    }
}
