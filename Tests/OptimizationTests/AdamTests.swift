import Optimization
import Testing

/// f(x) = (1/n)·Σᵢ ‖x − aᵢ‖² over n points aᵢ (2-D), minimised at their mean; a batch B estimates it by
/// (1/|B|)·Σ_{i∈B} ‖x − aᵢ‖². It records every batch it sees.
final class MeanSquaredDistance: MiniBatchObjective {
    let points: [[Double]]
    let strata: [Int]?
    let worsensAfter: Int?
    private(set) var batchesSeen: [[Int]] = []
    private var evaluations = 0

    /// `worsensAfter`: from that many evaluations on, every value is +∞ (to exercise skipped batches).
    init(points: [[Double]], strata: [Int]? = nil, worsensAfter: Int? = nil) {
        self.points = points
        self.strata = strata
        self.worsensAfter = worsensAfter
    }

    var dimension: Int { 2 }
    var sampleCount: Int { points.count }

    func valueAndGradient(at point: [Double], batch: [Int], gradient: inout [Double]) -> Double {
        batchesSeen.append(batch)
        evaluations += 1
        var value = 0.0
        gradient = [0, 0]
        for i in batch {
            for c in 0..<2 {
                let difference = point[c] - points[i][c]
                value += difference * difference
                gradient[c] += 2 * difference / Double(batch.count)
            }
        }
        if let worsensAfter, evaluations > worsensAfter { return .infinity }
        return value / Double(batch.count)
    }
}

@Suite struct AdamTests {
    static func points(_ n: Int, seed: UInt64 = 1) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<n).map { _ in [3 + generator.nextGaussian(), -2 + generator.nextGaussian()] }
    }

    @Test func reachesTheMinimumOfAMeanOfSquares() {
        let objective = MeanSquaredDistance(points: Self.points(2_000))
        let mean = (0..<2).map { c in objective.points.reduce(0) { $0 + $1[c] } / 2_000 }
        let result = Adam(batchSize: 100, epochs: 30, learningRate: 0.1, patience: 30).minimize(objective, from: [0, 0])
        // The point kept is the best on the 200 held-back points, whose mean is within about 1/√200 = 0.07 of all.
        #expect(abs(result.point[0] - mean[0]) < 0.15)
        #expect(abs(result.point[1] - mean[1]) < 0.15)
        #expect(result.epochs == 30 && !result.stoppedEarly)
        #expect(result.heldBackCount == 200)                     // min(8 batches, 10 % of the samples)
        #expect(result.heldBackHistory.count == 31)
        #expect(result.value == result.heldBackHistory.min())
        // 1 800 training samples in ⌈1800/100⌉ = 18 batches per epoch.
        #expect(result.batches == 30 * 18)
    }

    @Test func everyTrainingSampleIsInOneBatchPerEpochAndNeverTheHeldBackOnes() {
        let objective = MeanSquaredDistance(points: Self.points(1_003))
        let result = Adam(batchSize: 64, epochs: 2, patience: 5).minimize(objective, from: [0, 0])
        // 100 held back (10 %), in 2 batches of 50, evaluated first.
        let heldBackBatches = Array(objective.batchesSeen.prefix(2))
        let heldBack = heldBackBatches.flatMap { $0 }
        #expect(result.heldBackCount == 100 && heldBackBatches.allSatisfy { $0.count == 50 && $0 == $0.sorted() })
        let trainingBatches = objective.batchesSeen.filter { !heldBackBatches.contains($0) }
        #expect(trainingBatches.count == result.batches)
        let perEpoch = trainingBatches.count / 2
        #expect(perEpoch == 15)                                   // ⌈903 / 64⌉
        for epoch in 0..<2 {
            let batches = trainingBatches[(epoch * perEpoch)..<((epoch + 1) * perEpoch)]
            let samples = batches.flatMap { $0 }
            #expect(samples.count == 1_003 - 100 && Set(samples).count == samples.count)
            #expect(Set(samples).isDisjoint(with: heldBack))
            #expect(batches.allSatisfy { $0 == $0.sorted() && (60...61).contains($0.count) })
        }
        // The held-back value is the mean of its batches' values.
        let mean = heldBackBatches.reduce(0) { $0 + objective.value(at: result.point, batch: $1) } / 2
        #expect(mean == result.value)
    }

    @Test func stratifiedBatchesHoldEachStratumInProportion() {
        // 600 samples of stratum 0, 300 of 1, 100 of 2: each batch of 100 (held back: 90) holds 60/30/10 ± 1.
        let strata = (0..<1_000).map { $0 < 600 ? 0 : $0 < 900 ? 1 : 2 }
        let objective = MeanSquaredDistance(points: Self.points(1_000), strata: strata)
        _ = Adam(batchSize: 100, epochs: 1, heldBackFraction: 0.09).minimize(objective, from: [0, 0])
        for batch in objective.batchesSeen {
            let counts = (0..<3).map { stratum in batch.filter { strata[$0] == stratum }.count }
            let expected = [0.6, 0.3, 0.1].map { $0 * Double(batch.count) }
            for stratum in 0..<3 { #expect(abs(Double(counts[stratum]) - expected[stratum]) <= 1) }
        }
    }

    @Test func theSameSeedGivesTheSameBitsAndAnotherSeedOtherBatches() {
        let points = Self.points(500)
        let first = Adam(batchSize: 50, epochs: 3, seed: 9).minimize(MeanSquaredDistance(points: points), from: [0, 0])
        let again = Adam(batchSize: 50, epochs: 3, seed: 9).minimize(MeanSquaredDistance(points: points), from: [0, 0])
        let other = Adam(batchSize: 50, epochs: 3, seed: 10).minimize(MeanSquaredDistance(points: points), from: [0, 0])
        #expect(first == again)
        #expect(first.point != other.point)
    }

    @Test func stopsEarlyAndKeepsTheBestPointWhenTheHeldBackValueStopsFalling() {
        // Every point is the start: no epoch improves on it, so the run stops after `patience` epochs.
        let objective = MeanSquaredDistance(points: [[Double]](repeating: [3, -2], count: 400))
        let result = Adam(batchSize: 40, epochs: 50, patience: 2).minimize(objective, from: [3, -2])
        #expect(result.stoppedEarly && result.epochs == 2)
        #expect(result.heldBackHistory == [0, 0, 0] && result.point == [3, -2])
    }

    @Test func keepsTheBestHeldBackPointNotTheLast() {
        // A huge constant step overshoots after the first epochs: the point returned is the best one evaluated.
        let objective = MeanSquaredDistance(points: Self.points(400))
        let result = Adam(batchSize: 40, epochs: 6, learningRate: 3, learningRateDecay: 1, patience: 6)
            .minimize(objective, from: [0, 0])
        let kept = objective.value(at: result.point, batch: objective.batchesSeen[0])
        #expect(kept == result.heldBackHistory.min() && kept == result.value)
    }

    @Test func skipsNonFiniteBatchesAndReportsProgressPerEpoch() {
        // The held-back start value and the first 5 batches are finite, everything after is +∞.
        let objective = MeanSquaredDistance(points: Self.points(300), worsensAfter: 6)
        var epochs: [EpochProgress] = []
        let result = Adam(batchSize: 30, epochs: 2, patience: 5).minimize(objective, from: [0, 0]) { epochs.append($0) }
        #expect(result.batches == 18 && result.skippedBatches == 13)
        #expect(epochs.map(\.epoch) == [1, 2] && epochs.map(\.batches) == [9, 18])
        #expect(epochs.allSatisfy { $0.epochCount == 2 && $0.elapsedSeconds >= 0 && $0.remainingSeconds >= 0 })
        #expect(epochs.last?.remainingSeconds == 0)
    }

    /// A batch size near `Int.max` is one batch of every sample: no product or sum of it overflows.
    @Test(arguments: [1 << 60, Int.max])
    func aHugeBatchSizeIsOneBatchOfEverySample(batchSize: Int) {
        let objective = MeanSquaredDistance(points: Self.points(200))
        #expect(Adam(batchSize: batchSize).heldBackCount(sampleCount: 200) == 20)
        let result = Adam(batchSize: batchSize, epochs: 2).minimize(objective, from: [0, 0])
        #expect(result.batches == 2 && result.heldBackCount == 20 && result.value.isFinite)
    }

    @Test func holdsNothingBackFromFewSamplesAndStopsAtZeroEpochs() {
        let objective = MeanSquaredDistance(points: Self.points(15))
        #expect(Adam().heldBackCount(sampleCount: 15) == 0)
        let result = Adam(batchSize: 4, epochs: 3).minimize(objective, from: [0, 0])
        #expect(result.heldBackCount == 0 && result.heldBackHistory.isEmpty && result.epochs == 3)
        #expect(result.value.isFinite)
        let none = Adam(epochs: 0).minimize(objective, from: [1, 1])
        #expect(none.point == [1, 1] && none.epochs == 0 && none.batches == 0)
    }
}
