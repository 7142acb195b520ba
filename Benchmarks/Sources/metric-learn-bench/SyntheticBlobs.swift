import MetricLearn

/// Seeded Gaussian class blobs in the spirit of scikit-learn's `make_classification`: the class centres
/// differ only in the first `informativeCount` = max(2, d/5) features (coordinates drawn from N(0, separation²)),
/// and every feature carries unit Gaussian noise. Nearest neighbours in the raw space are dominated by the
/// noise features, so an iterative learner has real work to do (down-weight them) at every d.
/// Labels cycle 0, 1, …, classCount − 1, so every prefix is balanced.
///
/// The same seed gives the same table, so every run and every child process benchmarks identical data,
/// and the first n rows of a larger table are the table of n rows (queries can be appended).
struct SyntheticBlobs {
    let features: Matrix
    let labels: [Int]

    init(sampleCount: Int, featureCount: Int, classCount: Int = 5, separation: Double = 1.5, seed: UInt64 = 2024) {
        var generator = SeededGenerator(seed: seed)
        let informativeCount = min(featureCount, max(2, featureCount / 5))
        var centres = [Double](repeating: 0, count: classCount * featureCount)
        for c in 0..<classCount {
            for j in 0..<informativeCount { centres[c * featureCount + j] = separation * generator.nextGaussian() }
        }
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
