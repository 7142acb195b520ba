import MetricLearn

/// Seeded Gaussian blobs: `classCount` classes of `perClass` samples in `featureCount` dimensions, class c
/// centred at `separation`·(c, c/2, c/3, …) with unit noise, plus `noiseFeatureCount` pure-noise columns.
struct SyntheticData {
    let features: Matrix
    let labels: [Int]

    init(classCount: Int = 3, perClass: Int = 15, featureCount: Int = 4, noiseFeatureCount: Int = 0,
         separation: Double = 3, seed: UInt64 = 42) {
        var generator = SeededGenerator(seed: seed)
        let width = featureCount + noiseFeatureCount
        var elements: [Double] = []
        var labels: [Int] = []
        for c in 0..<classCount {
            for _ in 0..<perClass {
                for j in 0..<width {
                    let centre = j < featureCount ? separation * Double(c) / Double(j + 1) : 0
                    elements.append(centre + generator.nextGaussian())
                }
                labels.append(c)
            }
        }
        features = Matrix(rowCount: classCount * perClass, columnCount: width, elements: elements)
        self.labels = labels
    }
}
