import MetricLearn
import Testing

@Suite struct WhiteningShrinkageChoiceTests {
    /// Two classes of `perClass` rows, their means `separation` apart along feature 0 or 1 (`along`), each feature
    /// Gaussian within the classes with the given standard deviations.
    private func twoClasses(perClass: Int, along feature: Int, separation: Double, deviations: [Double],
                            seed: UInt64) -> (x: Matrix, labels: [Int]) {
        var generator = SeededGenerator(seed: seed)
        var rows: [[Double]] = [], labels: [Int] = []
        for row in 0..<(2 * perClass) {
            let label = row % 2
            rows.append(deviations.enumerated().map { column, deviation in
                deviation * generator.nextGaussian() + (column == feature ? separation * Double(label) : 0)
            })
            labels.append(label)
        }
        return (Matrix(rows: rows), labels)
    }

    /// The classes differ along a direction of small within-class spread beside a wide noise direction: only the
    /// unshrunk within-class metric brings it forward, and the choice is unique (≈ every held-out row's neighbours
    /// share its class).
    @Test func choosesNoShrinkageWhenTheSmallDirectionSeparates() throws {
        let (x, labels) = twoClasses(perClass: 100, along: 1, separation: 1, deviations: [10, 0.1], seed: 1)
        let metric = try Whitening().fit(x, labels: labels)
        #expect(metric.report.details["shrinkage"] == 0)
        #expect(try #require(metric.report.details["neighborAgreement"]) > 0.95)
    }

    /// The classes differ along the wide direction and the small one is noise that whitening would magnify: the
    /// Euclidean end wins, and of the coefficients that tie with it the largest is chosen.
    @Test func choosesTheEuclideanEndWhenWhiteningMagnifiesNoise() throws {
        let (x, labels) = twoClasses(perClass: 100, along: 0, separation: 6, deviations: [1, 0.01], seed: 2)
        let metric = try Whitening().fit(x, labels: labels)
        #expect(metric.report.details["shrinkage"] == 1)
        // λ = 1 whitens the scaled identity: M is a multiple of I.
        let m = metric.mahalanobisMatrix
        #expect(abs(m[0, 1]) <= 1e-12 * m[0, 0] && abs(m[0, 0] - m[1, 1]) <= 1e-12 * m[0, 0])
    }

    /// The chosen fit is the fixed-coefficient fit, bit for bit, also past the row limit (rows sampled) and with
    /// more features than samples (the span path).
    @Test(arguments: [(834, 4), (10, 40)])
    func choiceEqualsTheFixedFit(perClass: Int, featureCount: Int) throws {
        let data = SyntheticData(perClass: perClass, featureCount: featureCount, seed: 11)
        let chosen = try Whitening().fit(data.features, labels: data.labels)
        let coefficient = try #require(chosen.report.details["shrinkage"])
        #expect([0, 0.25, 0.5, 0.75, 1].contains(coefficient))
        let fixed = try Whitening(shrinkage: .fixed(coefficient)).fit(data.features, labels: data.labels)
        #expect(chosen.components == fixed.components)
        #expect(fixed.report.details["neighborAgreement"] == nil)
    }

    /// With more features than rows, in-sample scores flatter every metric (each row shapes the covariance it is
    /// then measured in: pure noise scored 0.8 that way). Held-out rows score such a table near chance (1/4).
    @Test func pureNoiseWithMoreFeaturesThanRowsScoresNearChance() throws {
        var generator = SeededGenerator(seed: 8)
        let x = Matrix(rowCount: 20, columnCount: 200, elements: (0..<4000).map { _ in generator.nextGaussian() })
        let metric = try Whitening().fit(x, labels: (0..<20).map { $0 % 4 })
        #expect(try #require(metric.report.details["neighborAgreement"]) < 0.5)
        #expect(metric.components.isFinite)
    }

    /// Three rows of two classes leave no fold with a metric to fit: no evidence, so the Euclidean end.
    @Test func tooFewRowsToScoreFallBackToEuclidean() throws {
        let metric = try Whitening().fit(Matrix(rows: [[1, 2], [3, 1], [5, 5]]), labels: [0, 0, 1])
        #expect(metric.report.details["shrinkage"] == 1 && metric.report.details["neighborAgreement"] == nil)
    }

    /// Past the row limit the sample is drawn per class: a class on every third row, which an even stride over all
    /// 3 000 rows (rows 0, 1, 3, 4, …) would miss entirely, is scored (two overlapping classes: agreement < 1; with
    /// one class sampled it would be exactly 1).
    @Test func theSampleKeepsAClassTheStrideWouldMiss() throws {
        var generator = SeededGenerator(seed: 9)
        let x = Matrix(rowCount: 3000, columnCount: 2, elements: (0..<6000).map { _ in generator.nextGaussian() })
        let metric = try Whitening().fit(x, labels: (0..<3000).map { $0 % 3 == 2 ? 1 : 0 })
        #expect(try #require(metric.report.details["neighborAgreement"]) < 0.9)
    }

    @Test func classesConstantInsideButApartSayWhatIsZero() {
        let x = Matrix(rows: (0..<8).map { $0 % 2 == 0 ? [0, 0] : [1, 2] })
        #expect(throws: MetricLearnError.emptyInput(what: "every feature is constant within each class: the within-class "
                                                        + "covariance is zero (total mode whitens the spread between the classes)")) {
            try Whitening().fit(x, labels: (0..<8).map { $0 % 2 })
        }
    }

    @Test func sameInputSameChoice() throws {
        let data = SyntheticData(classCount: 4, perClass: 75, featureCount: 6, seed: 3)
        let first = try Whitening().fit(data.features, labels: data.labels)
        let second = try Whitening().fit(data.features, labels: data.labels)
        #expect(first.components == second.components && first.report.details == second.report.details)
    }

    /// Total whitening scores the candidates with the labels too, but cannot choose without them.
    @Test func totalModeNeedsLabelsToChoose() throws {
        let data = SyntheticData(perClass: 40, featureCount: 5, seed: 4)
        let labeled = try Whitening(mode: .total).fit(data.features, labels: data.labels)
        #expect(labeled.report.details["neighborAgreement"] != nil)
        #expect(throws: MetricLearnError.invalidParameter(
            name: "shrinkage", value: "cross-validated",
            requirement: "needs class labels: call fit(_:labels:), or choose none, ledoit-wolf or a coefficient")) {
            try Whitening(mode: .total).fit(data.features)
        }
    }

    @Test func parameterText() {
        #expect(Whitening.Shrinkage(parameterText: "cross-validated") == .crossValidated)
        #expect(Whitening.Shrinkage.crossValidated.parameterText == "cross-validated")
        #expect(Whitening().shrinkage == .crossValidated && !Whitening().isScaleInvariant)
    }

    /// The target for whitening, on the two tables the suite carries: the default is at least Euclidean
    /// 3-NN − 0.01 under the peers' protocol (Docs/Accuracy.md has the nine-table benchmark).
    @Test(arguments: ["iris", "wine"])
    func defaultIsNoWorseThanEuclidean(_ dataset: String) throws {
        let accuracy = try protocolAccuracy(of: .whitening(Whitening()), on: dataset)
        #expect(accuracy >= (try peerAccuracy("euclidean", on: dataset)) - 0.01)
    }
}
