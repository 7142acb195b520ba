import MetricLearn
import Testing

@Suite("RetrievalMetrics")
struct RetrievalMetricsTests {
    // Points on a line, classes A = 0 and B = 1:
    //   index  0  1  2  3   4   5
    //   value  0  1  2  10  11  12
    //   class  A  A  B  B   A   A
    // Ranked other points (ties → lower index) and relevance:
    //   0 (R=3): 1 2 3 4 5 → 1 0 0 1 1     3 (R=1): 4 5 2 1 0 → 0 0 1 0 0
    //   1 (R=3): 0 2 3 4 5 → 1 0 0 1 1     4 (R=3): 3 5 2 1 0 → 0 1 0 1 1
    //   2 (R=1): 1 0 3 4 5 → 0 0 1 0 0     5 (R=3): 4 3 2 1 0 → 1 0 0 1 1
    private let points = Matrix(rowCount: 6, columnCount: 1, elements: [0, 1, 2, 10, 11, 12])
    private let labels = [0, 0, 1, 1, 0, 0]

    /// (k, precision@k, recall@k) for the points above.
    private static let cutOffs: [(k: Int, precision: Double, recall: Double)] =
        [(1, 3.0 / 6, 3.0 / 6), (2, 2.0 / 6, 4.0 / 6), (3, 2.0 / 6, 1.0)]

    @Test("hand case: precision@k, recall@k (hit rate), R-precision, MAP@R", arguments: 0..<3)
    func handCase(case index: Int) throws {
        let (k, precision, recall) = Self.cutOffs[index]
        let metrics = try RetrievalMetrics(points: points, labels: labels, k: k)
        #expect(metrics.k == k && metrics.queryCount == 6)
        #expect(abs(metrics.precisionAtK - precision) < 1e-15)
        #expect(abs(metrics.recallAtK - recall) < 1e-15)
        // R-precision: 1/3, 1/3, 0, 0, 1/3, 1/3. MAP@R: 1/3, 1/3, 0, 0, (1/3)(1/2), 1/3.
        #expect(abs(metrics.rPrecision - 2.0 / 9) < 1e-15)
        #expect(abs(metrics.meanAveragePrecisionAtR - 7.0 / 36) < 1e-15)
    }

    @Test("a sample alone in its class is not a query but stays a candidate")
    func singletonClass() throws {
        let withSingleton = Matrix(rowCount: 7, columnCount: 1, elements: points.elements + [100])
        let metrics = try RetrievalMetrics(points: withSingleton, labels: labels + [2], k: 2)
        #expect(metrics.queryCount == 6)
        #expect(abs(metrics.recallAtK - 4.0 / 6) < 1e-15)
        #expect(abs(metrics.meanAveragePrecisionAtR - 7.0 / 36) < 1e-15)
    }

    @Test("perfect clusters score 1 everywhere")
    func perfect() throws {
        let clusters = Matrix(rowCount: 6, columnCount: 1, elements: [0, 0.1, 0.2, 50, 50.1, 50.2])
        let metrics = try RetrievalMetrics(points: clusters, labels: [0, 0, 0, 1, 1, 1], k: 2)
        #expect(metrics.precisionAtK == 1 && metrics.recallAtK == 1)
        #expect(metrics.rPrecision == 1 && metrics.meanAveragePrecisionAtR == 1)
    }

    @Test("invalid input throws typed errors")
    func validation() {
        #expect(throws: MetricLearnError.invalidParameter(name: "k", value: "6", requirement: "must be below the number of samples (6)")) {
            try RetrievalMetrics(points: points, labels: labels, k: 6)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "k", value: "0", requirement: "must be at least 1")) {
            try RetrievalMetrics(points: points, labels: labels, k: 0)
        }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 6, labelCount: 2)) {
            try RetrievalMetrics(points: points, labels: [0, 1], k: 1)
        }
        #expect(throws: MetricLearnError.emptyInput(
            what: "no sample shares its class with another, so no query has a relevant item")) {
            try RetrievalMetrics(points: Matrix(rowCount: 2, columnCount: 1, elements: [0, 1]), labels: [0, 1], k: 1)
        }
    }
}
