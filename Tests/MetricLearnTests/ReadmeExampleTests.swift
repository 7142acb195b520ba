import MetricLearn
import Testing

/// The ten-line example of README.md, kept compiling and running.
@Test func readmeExampleRuns() throws {
    let wine = try Dataset.wine                                       // 178 × 13, three cultivars
    let (train, test) = try wine.stratifiedSplit(testFraction: 0.3, seed: 0)
    let scaler = try StandardScaler().fit(train.features)
    let metric = try NCA(componentCount: 2, seed: 0)
        .fit(scaler.transform(train.features), labels: train.labels)  // -> MahalanobisMetric
    let knn = try KNearestNeighbors(neighborCount: 3)
        .fit(scaler.transform(train.features), labels: train.labels, metric: metric)
    let accuracy = try knn.accuracy(on: scaler.transform(test.features), labels: test.labels)
    #expect(accuracy > 0.9)
}
