import MetricLearn

/// Seeded Gaussian class blobs: `classCount` classes with centres drawn from N(0, separation²·I) and
/// unit isotropic noise around them. Labels cycle 0, 1, …, classCount − 1 so every prefix is balanced.
///
/// The same seed gives the same table, so every run and every child process benchmarks identical data.
struct SyntheticBlobs {
    let features: Matrix
    let labels: [Int]

    init(sampleCount: Int, featureCount: Int, classCount: Int = 5, separation: Double = 1.5, seed: UInt64 = 2024) {
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<(classCount * featureCount)).map { _ in separation * generator.nextGaussian() }
        var elements = [Double](repeating: 0, count: sampleCount * featureCount)
        var labels = [Int](repeating: 0, count: sampleCount)
        for i in 0..<sampleCount {
            let label = i % classCount
            labels[i] = label
            for j in 0..<featureCount {
                elements[i * featureCount + j] = centres[label * featureCount + j] + generator.nextGaussian()
            }
        }
        features = Matrix(rowCount: sampleCount, columnCount: featureCount, elements: elements)
        self.labels = labels
    }
}
