import MetricLearn

/// Kernel micro-benchmarks: the dgemm peak of this machine, and blocked pairwise distances, with a sweep
/// of block heights at n = 5000 (full scale) against the library's default block.
enum LinearAlgebraCases {
    static let blockHeights = [32, 128, 512]

    static func cases(scale: Scale) -> [BenchmarkCase] {
        let sweep = scale == .quick ? [] : blockHeights.flatMap { height in
            scale.featureCounts.map { distances(sampleCount: 5000, featureCount: $0, blockRowCount: height) }
        }
        return scale.gemmSizes.map(gemm) + scale.syntheticGrid.map { distances(sampleCount: $0, featureCount: $1) } + sweep
    }

    /// C = A·B for square n×n matrices: 2n³ flops, the reference peak for every efficiency figure.
    static func gemm(size: Int) -> BenchmarkCase {
        BenchmarkCase(group: "blas", operation: "dgemm", data: "\(size)x\(size)", sampleCount: size,
                      featureCount: size, isSynthetic: false) {
            var generator = SeededGenerator(seed: 7)
            let elements = (0..<(2 * size * size)).map { _ in generator.nextGaussian() }
            let a = Matrix(rowCount: size, columnCount: size, elements: Array(elements[..<(size * size)]))
            let b = Matrix(rowCount: size, columnCount: size, elements: Array(elements[(size * size)...]))
            let n = Double(size)
            return Workload(flopsPerRun: 2 * n * n * n) {
                blackHole(a * b)
                return [:]
            }
        }
    }

    /// All n² squared distances of n points to themselves, streamed in row blocks: 2n²d flops in dgemm.
    /// `blockRowCount` nil uses the library's default block (`-hH` in the name: H rows per block).
    static func distances(sampleCount: Int, featureCount: Int, blockRowCount: Int? = nil) -> BenchmarkCase {
        BenchmarkCase(group: "distances", operation: "forEachBlock" + (blockRowCount.map { "-h\($0)" } ?? ""),
                      data: syntheticDataName(sampleCount: sampleCount, featureCount: featureCount),
                      sampleCount: sampleCount, featureCount: featureCount, isSynthetic: true) {
            let x = SyntheticBlobs(sampleCount: sampleCount, featureCount: featureCount).features
            let n = Double(sampleCount)
            return Workload(flopsPerRun: 2 * n * n * Double(featureCount)) {
                var checksum = 0.0
                PairwiseDistances.forEachBlock(queries: x, references: x, blockRowCount: blockRowCount) { _, block in
                    checksum += block[block.count - 1]
                }
                blackHole(checksum)
                return [:]
            }
        }
    }
}
