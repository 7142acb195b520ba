@testable import MetricLearn
import Testing

/// Feature weights of more features than samples: components in the span of the samples instead of the d×d
/// diag(w), with the diagonal metric's distances between the training samples.
@Suite struct DiagonalSpanTests {
    @Test(arguments: [FeatureReweighting.Method.reliefF(), .nca()])
    func distancesBetweenSamplesAreTheDiagonalMetrics(_ method: FeatureReweighting.Method) throws {
        let data = SyntheticData(classCount: 2, perClass: 4, featureCount: 12, seed: 5)
        let x = data.features
        let metric = try FeatureReweighting(method: method).fit(x, labels: data.labels)
        #expect(metric.outputDimension < x.rowCount && metric.inputDimension == x.columnCount)
        let weights = try #require(metric.featureWeights)
        var w = [Double](repeating: 0, count: x.columnCount)
        for weight in weights { w[Int(weight.feature.dropFirst())!] = weight.weight }
        #expect(w.contains { $0 > 0 })
        for i in 0..<x.rowCount {
            for j in 0..<i {
                let (a, b) = (x.row(i), x.row(j))
                let expected = (0..<x.columnCount).reduce(0.0) { sum, k in
                    let difference = w[k] * (a[k] - b[k])
                    return sum + difference * difference
                }.squareRoot()
                let distance = try metric.distance(a, b)
                #expect(abs(distance - expected) <= 1e-10 * max(expected, 1), "\(i), \(j): \(distance) vs \(expected)")
            }
        }
    }

    @Test func fewerFeaturesThanSamplesKeepTheDiagonal() throws {
        let data = SyntheticData(classCount: 2, perClass: 8, featureCount: 3, seed: 5)
        let metric = try FeatureReweighting(method: .reliefF()).fit(data.features, labels: data.labels)
        let weights = try #require(metric.featureWeights)
        let expected = Matrix(diagonal: (0..<3).map { j in weights.first { $0.feature == "x\(j)" }!.weight })
        #expect(metric.components == expected)
    }
}
