@testable import MetricLearn
import Testing

/// Tables far wider than long (6 × 100 000): whitening and feature weights work in the span of the samples; a
/// learner whose matrices grow with d² (or k·d for L-BFGS) is refused with `insufficientMemory`, naming what
/// reduces the need, before it allocates — never killed by the kernel or trapping in the allocator.
@Suite struct WideDataTests {
    static let data = SyntheticData(classCount: 2, perClass: 3, featureCount: 100_000, seed: 11)

    @Test func whiteningWorksInTheSpanOfTheSamples() throws {
        let metric = try Whitening(mode: .total, shrinkage: .none).fit(Self.data.features)
        #expect(metric.outputDimension == 5 && metric.inputDimension == 100_000)
        #expect(metric.components.isFinite)
        #expect(metric.report.details["effectiveRank"] == 5)
    }

    @Test func reliefFWorksInTheSpanOfTheSamples() throws {
        let metric = try FeatureReweighting(method: .reliefF()).fit(Self.data.features, labels: Self.data.labels)
        #expect(metric.outputDimension <= 5 && metric.components.isFinite)
        #expect(metric.featureWeights?.count == 100_000)
    }

    @Test(arguments: [
        (Whitening(mode: .total, shrinkage: .ledoitWolf) as any MetricLearner, [MemoryRemedy.fewerFeatures, .fewerComponents]),
        (NCA(), [.fewerComponents, .fewerFeatures]), (LMNN(neighborCount: 1), [.fewerComponents, .fewerFeatures]),
        (ITML(), [.fewerFeatures]), (MLKR(), [.fewerComponents, .fewerFeatures]), (MMC(), [.fewerFeatures]),
        (MMC(shape: .diagonal), [.fewerFeatures]), (GMML(), [.fewerFeatures]),
    ])
    func learnersWhoseMatricesGrowWithTheFeaturesAreRefused(_ learner: any MetricLearner,
                                                            remedies expected: [MemoryRemedy]) {
        do {
            _ = try learner.fit(Self.data.features, classes: Self.data.labels)
            Issue.record("\(learner) fitted 100 000 features")
        } catch let error {
            guard case let .insufficientMemory(_, required, available, remedies) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(required > available)
            #expect(remedies == expected)
        }
    }

    @Test func ldaInitializationSuggestsAnother() {
        #expect {
            try Self.data.features.discriminantAxes(labels: Self.data.labels, count: 1)
        } throws: { error in
            guard case let MetricLearnError.insufficientMemory(_, _, _, remedies) = error else { return false }
            return remedies == [.otherInitialization, .fewerFeatures]
        }
    }
}
