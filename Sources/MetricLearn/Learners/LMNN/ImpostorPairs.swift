/// The candidate impostor pairs of one block: pairs {a, b} of rows of different classes with
/// ‖z_a − z_b‖² < max(r_a, r_b), where rᵢ = 1 + the largest squared distance from i to its target neighbours.
///
/// b is an impostor of a exactly when the distance is below r_a (and a of b when below r_b); these are the
/// l that make at least one triplet (i, j, l) active. Each unordered pair appears once, with both directions.
struct ImpostorPairs {
    /// The pairs' rows (`first[p]` has the lower class label).
    private(set) var first: [Int] = []
    private(set) var second: [Int] = []
    /// Their exact squared distances ‖z_a − z_b‖².
    private(set) var squaredDistances: [Double] = []

    var count: Int { first.count }

    /// Buffers a search reuses from call to call: one block's pairs per job of a round, one distance tile per
    /// worker.
    final class Workspace {
        fileprivate var blocks: [ImpostorPairs] = []
        fileprivate var tiles: [Float] = []
    }

    /// Finds every candidate pair of `z`, calling `body` once per round of blocks with the round's blocks in order.
    ///
    /// Rows are grouped by class and each class c is compared with the classes after it, so each
    /// different-class pair is measured once and same-class pairs never: Σ_{c<c'} n_c·n_c' distances. Each block
    /// of a class's rows is one `Parallel` job: one `sgemm` of the block's single-precision copies against the
    /// later classes' (`SinglePrecisionScreen`, twice `dgemm`'s speed) into the worker's tile, then a screen whose
    /// thresholds bound that product's round-off and the direct distance's (`ScreenedDistances.slack`); pairs that
    /// pass are recomputed exactly by direct differences and kept when strictly inside a radius, so the result
    /// equals a brute-force search, whatever the screen lets through.
    /// The blocks' boundaries, and so the pairs and their order, depend only on the labels, never on the core
    /// count. Memory: per worker one tile of about 512 KiB, and the pairs of one round's blocks, in buffers reused
    /// from round to round and from call to call (`workspace`).
    static func forEachRound(in z: Matrix, labels: [Int], radii: [Double], reusing workspace: Workspace,
                             _ body: (ArraySlice<ImpostorPairs>) -> Void) {
        let order = labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }
        let jobs = blocks(sortedLabels: order.map { labels[$0] })
        guard !jobs.isEmpty else { return }
        let sorted = z.rows(at: order)
        // One screening slack for all pairs, at least each pair's own.
        let largestNorm = sorted.rowSquaredNorms().max() ?? 0
        let slack = ScreenedDistances.slack(largestNorm, largestNorm)
        let copies = SinglePrecisionScreen(points: sorted)
        let screens = order.map {
            copies.threshold(radii[$0] + slack, queryNorm: largestNorm, largestPointNorm: largestNorm)
        }
        let workers = Parallel.workerCount
        let roundSize = 4 * workers
        let tileSize = jobs.map { $0.queries.count * (order.count - $0.firstReference) }.max() ?? 0
        if workspace.tiles.count < workers * tileSize {
            workspace.tiles = [Float](repeating: 0, count: workers * tileSize)
        }
        if workspace.blocks.count < roundSize {
            workspace.blocks.append(contentsOf: repeatElement(ImpostorPairs(), count: roundSize - workspace.blocks.count))
        }
        for roundStart in stride(from: 0, to: jobs.count, by: roundSize) {
            let round = jobs[roundStart..<min(jobs.count, roundStart + roundSize)]
            let work = round.reduce(0) { $0 + $1.queries.count * (order.count - $1.firstReference) * (z.columnCount + 2) }
            z.elements.withUnsafeBufferPointer { points in
                copies.points.withUnsafeBufferPointer { sortedCopies in
                    workspace.blocks.withUnsafeMutableBufferPointer { blocks in
                        workspace.tiles.withUnsafeMutableBufferPointer { tiles in
                            let search = BlockSearch(points: points, copies: sortedCopies, width: z.columnCount,
                                                     order: order, copyNorms: copies.pointNorms, radii: radii,
                                                     screens: screens, blocks: blocks, tiles: tiles, tileSize: tileSize)
                            Parallel.forEach(jobs: round.count, work: work) { job, worker in
                                search.run(round[roundStart + job], into: job, worker: worker)
                            }
                        }
                    }
                }
            }
            body(workspace.blocks[0..<round.count])
        }
    }

    /// One block of the search: the sorted rows `queries` (one class's) against the sorted rows from
    /// `firstReference` on (the later classes').
    fileprivate struct Block: Sendable {
        let queries: Range<Int>
        let firstReference: Int
    }

    /// The blocks of the search over the rows sorted by class (`sortedLabels`), in class order and then row order:
    /// each class's rows in blocks whose distances to the later classes' rows (about 128 Ki single-precision values,
    /// 512 KiB) stay in cache between the `sgemm` that writes them and the scan that reads them.
    private static func blocks(sortedLabels labels: [Int]) -> [Block] {
        var blocks: [Block] = []
        var start = 0
        while start < labels.count {
            var end = start + 1
            while end < labels.count && labels[end] == labels[start] { end += 1 }
            let referenceCount = labels.count - end
            if referenceCount > 0 {
                let height = max(8, (1 << 17) / referenceCount)
                for first in stride(from: start, to: end, by: height) {
                    blocks.append(Block(queries: first..<min(end, first + height), firstReference: end))
                }
            }
            start = end
        }
        return blocks
    }

    /// Calls `body` with each index c where `values[c] < thresholds[c]` or `values[c] < bound`, in order, where
    /// `values[c]` = (products[c] + offset) + norms[c], the screened squared distance (`SinglePrecisionScreen`).
    ///
    /// Eight lanes at a time (`SIMD8`): almost every pair fails the screen, so the common case is two
    /// vector comparisons and one branch per eight pairs.
    @inline(__always)
    fileprivate static func forEachScreened(_ products: UnsafePointer<Float>, plus offset: Float,
                                            _ norms: UnsafePointer<Float>, count: Int,
                                            below thresholds: UnsafePointer<Float>, or bound: Float,
                                            _ body: (Int) -> Void) {
        let (bounds, offsets) = (SIMD8<Float>(repeating: bound), SIMD8<Float>(repeating: offset))
        var c = 0
        while c + 8 <= count {
            let lanes = (UnsafeRawPointer(products + c).loadUnaligned(as: SIMD8<Float>.self) + offsets)
                + UnsafeRawPointer(norms + c).loadUnaligned(as: SIMD8<Float>.self)
            let hits = (lanes .< UnsafeRawPointer(thresholds + c).loadUnaligned(as: SIMD8<Float>.self)) .| (lanes .< bounds)
            if any(hits) {
                for lane in 0..<8 where hits[lane] { body(c + lane) }
            }
            c += 8
        }
        while c < count {
            let value = (products[c] + offset) + norms[c]
            if value < thresholds[c] || value < bound { body(c) }
            c += 1
        }
    }

    /// What the jobs of one round share: `points` is z, `copies` the single-precision copies of its rows in class
    /// order (`order[s]` is the row of sorted row s, with screened norm `copyNorms[s]` and screen threshold
    /// `screens[s]` for its radius). Job j writes only `blocks[j]`, and worker w only its tile.
    private struct BlockSearch: @unchecked Sendable {
        let points: UnsafeBufferPointer<Double>
        let copies: UnsafeBufferPointer<Float>
        let width: Int
        let order: [Int]
        let copyNorms: [Float]
        let radii: [Double]
        let screens: [Float]
        let blocks: UnsafeMutableBufferPointer<ImpostorPairs>
        let tiles: UnsafeMutableBufferPointer<Float>
        let tileSize: Int

        func run(_ block: Block, into job: Int, worker: Int) {
            let (rows, first) = (block.queries, block.firstReference)
            let m = order.count - first
            let tile = UnsafeMutableBufferPointer(rebasing: tiles[(worker * tileSize)..<((worker + 1) * tileSize)])
            BufferProducts.multiplyTransposingB(
                UnsafeBufferPointer(rebasing: copies[(rows.lowerBound * width)..<(rows.upperBound * width)]),
                UnsafeBufferPointer(rebasing: copies[(first * width)...]), into: tile, m: rows.count, n: m, k: width,
                alpha: -2)
            blocks[job].first.removeAll(keepingCapacity: true)
            blocks[job].second.removeAll(keepingCapacity: true)
            blocks[job].squaredDistances.removeAll(keepingCapacity: true)
            copyNorms.withUnsafeBufferPointer { norms in
                screens.withUnsafeBufferPointer { screens in
                    for (offset, query) in rows.enumerated() {
                        let a = order[query]
                        let radius = radii[a]
                        ImpostorPairs.forEachScreened(tile.baseAddress! + offset * m, plus: norms[query],
                                                      norms.baseAddress! + first, count: m,
                                                      below: screens.baseAddress! + first, or: screens[query]) { column in
                            let b = order[first + column]
                            let exact = points.squaredDistance(between: a, and: b, width: width)
                            if exact < radius || exact < radii[b] {
                                blocks[job].first.append(a)
                                blocks[job].second.append(b)
                                blocks[job].squaredDistances.append(exact)
                            }
                        }
                    }
                }
            }
        }
    }
}
