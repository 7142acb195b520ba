import Dispatch
import Foundation

extension NearestNeighborIndex {
    /// Queries per tile row. With `referenceTileRowCount` this makes 256 × 1024 tiles of products
    /// (2 MiB), small enough to stay in cache between the `dgemm` that writes a tile and the scan that reads it
    /// (measured: about 30% less time than one pass over all points per query block).
    static let queryTileRowCount = 256
    /// Indexed points per tile column.
    static let referenceTileRowCount = 1024
    /// Tiles with at least this many entries are scanned split by rows over the active processors (the `dgemm`
    /// itself is multithreaded by BLAS); smaller ones on one thread.
    static let parallelScanThreshold = 1 << 16

    /// The `count` nearest points of each query row. With `selfOffset`, query i is indexed point
    /// `selfOffset + i` and skips it. Inputs are already validated.
    ///
    /// Queries are taken a tile row at a time; for each, the indexed points are visited in index order a tile
    /// column at a time (copies of `referenceTileRowCount` rows, made once per search when there are at least
    /// `queryTileRowCount` queries). One `dgemm` writes −2·Q·Rᵀ into a tile buffer reused for the whole search,
    /// and the scan adds the squared norms while it reads the tile, so each tile is written once and read once.
    /// Every query keeps its candidates in its own heap across the tiles. Memory: the tile (or, for fewer
    /// queries, a block of queries × n), one heap per tile row, and the copy of the points.
    func search(_ queries: Matrix, count: Int, selfOffset: Int? = nil) -> NeighborSearchResult {
        let scan = NeighborScan(queries: queries, points: points, selfOffset: selfOffset)
        // Fewer queries than a tile row: one pass over all points (a block of at most 256 × n distances), with
        // no copy of the points, which would cost more than the cache misses it saves.
        let columnWidth = queries.rowCount < Self.queryTileRowCount ? points.rowCount : Self.referenceTileRowCount
        let columns = stride(from: 0, to: points.rowCount, by: columnWidth).map { start in
            let range = start ..< min(points.rowCount, start + columnWidth)
            return (first: start, points: range.count == points.rowCount ? points : points.rows(at: range))
        }
        let processorCount = ProcessInfo.processInfo.activeProcessorCount
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
                        let chunkCount = size >= Self.parallelScanThreshold ? min(processorCount, rows.count) : 1
                        guard chunkCount > 1 else { return scan.scan(rows, of: tile, into: heaps) }
                        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                            let part = rows.count * chunk / chunkCount ..< rows.count * (chunk + 1) / chunkCount
                            scan.scan(start + part.lowerBound ..< start + part.upperBound, of: tile, into: heaps)
                        }
                    }
                }
                for query in rows {
                    heaps.buffer[query - start].drain(intoDistances: &distances, indices: &indices, at: query * count)
                }
            }
        }
        return NeighborSearchResult(queryCount: queries.rowCount, neighborCount: count,
                                    indices: indices, distances: distances.map { $0.squareRoot() })
    }
}
