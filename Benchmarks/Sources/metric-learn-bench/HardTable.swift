import MetricLearn

/// The seeded table of `make bench-scale` (issue 17), hard for Euclidean k-NN: `classCount` classes whose centres
/// differ in `informativeCount` features (coordinates N(0, `separation`²), unit within-class noise), followed by
/// `noiseCount` features of pure noise with the larger standard deviation `noiseScale`. After standardisation the
/// noise features outnumber the informative ones 4 to 1, so Euclidean neighbours are poor and a learned metric
/// that shrinks the noise matters.
///
/// Row i's label is i mod `classCount`; rows come from one `SeededGenerator` in order, so the first n rows of a
/// larger table are the table of n rows. The test rows of the benchmark come from another seed.
struct HardTable {
    let features: Matrix
    let labels: [Int]

    static let classCount = 10
    static let informativeCount = 10
    static let noiseCount = 40
    static let separation = 1.0
    static let noiseScale = 3.0

    init(sampleCount n: Int, seed: UInt64) {
        // The centres come from a fixed seed, shared by every table (training and test rows alike).
        var centreGenerator = SeededGenerator(seed: 17)
        let (c, informative, d) = (Self.classCount, Self.informativeCount, Self.informativeCount + Self.noiseCount)
        let centres = (0..<(c * informative)).map { _ in Self.separation * centreGenerator.nextGaussian() }
        var generator = SeededGenerator(seed: seed)
        var elements = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            let label = i % c
            for j in 0..<informative {
                elements[i * d + j] = centres[label * informative + j] + generator.nextGaussian()
            }
            for j in informative..<d { elements[i * d + j] = Self.noiseScale * generator.nextGaussian() }
        }
        features = Matrix(rowCount: n, columnCount: d, elements: elements)
        labels = (0..<n).map { $0 % c }
    }
}
