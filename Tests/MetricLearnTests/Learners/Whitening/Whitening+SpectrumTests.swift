@testable import MetricLearn
import Testing

/// With more features than samples, whitening works in the span of the centred samples: the same metric (up to the
/// sign of each component) and effective rank as the d×d eigendecomposition, without a d×d matrix.
@Suite struct WhiteningSpectrumTests {
    /// 8 samples of 12 features: the centred rows span 7 dimensions.
    static let centered: Matrix = {
        let x = SyntheticData(classCount: 2, perClass: 4, featureCount: 12, seed: 3).features
        return x.subtractingFromEachRow(x.columnMeans())
    }()

    @Test(arguments: [(Whitening(mode: .total, shrinkage: .none), 0.0), (Whitening(mode: .total, shrinkage: .none, componentCount: 3), 0.0),
                      (Whitening(mode: .total, shrinkage: .none, componentCount: 4), 0.3), (Whitening(mode: .total, shrinkage: .none, componentCount: 7), 0.9)])
    func spanSpectrumIsTheCovarianceSpectrum(_ whitening: Whitening, shrinkage: Double) throws {
        let degreesOfFreedom = Self.centered.rowCount - 1
        let inSpan = try #require(try whitening.spanSpectrum(of: Self.centered, degreesOfFreedom: degreesOfFreedom,
                                                             shrinkage: shrinkage))
        let full = try whitening.covarianceSpectrum(columnCount: Self.centered.columnCount,
                                                    scatter: { Self.centered.transposedTimesSelf() },
                                                    degreesOfFreedom: degreesOfFreedom,
                                                    shrinkage: shrinkage)
        #expect(inSpan.rank == full.rank)
        #expect(inSpan.components.rowCount == full.components.rowCount)
        let expected = full.components.transposedTimesSelf()
        let difference = inSpan.components.transposedTimesSelf().maxAbsoluteDifference(from: expected)
        #expect(difference <= 1e-10 * expected.elements.map(abs).max()!, "\(difference)")
    }

    /// Shrinkage without a component count keeps directions outside the span too: only the d×d computation has them.
    @Test func shrinkageOfEveryDirectionNeedsTheCovariance() throws {
        let inSpan = try Whitening(mode: .total, shrinkage: .none).spanSpectrum(of: Self.centered, degreesOfFreedom: Self.centered.rowCount - 1,
                                                  shrinkage: 0.3)
        #expect(inSpan == nil)
        let metric = try Whitening(mode: .total, shrinkage: .fixed(0.3)).fit(Self.centered)
        #expect(metric.outputDimension == Self.centered.columnCount)
        #expect(metric.report.details["effectiveRank"] == Double(Self.centered.columnCount))
    }

    /// The Ledoit–Wolf coefficient of a 5×7 table, from n×n products: scikit-learn 1.9.1's
    /// `ledoit_wolf_shrinkage(X)` gives 0.9407277985299434.
    @Test func ledoitWolfOfMoreFeaturesThanSamplesMatchesScikitLearn() throws {
        let x = Matrix(rows: [[1, 0, 2, 5, 3, 1, 0], [2, 1, 0, 3, 1, 4, 2], [0, 3, 1, 1, 2, 2, 5],
                              [4, 2, 3, 0, 0, 1, 1], [3, 5, 1, 2, 4, 0, 2]])
        let metric = try Whitening(mode: .total, shrinkage: .ledoitWolf).fit(x)
        let coefficient = try #require(metric.report.details["shrinkage"])
        #expect(abs(coefficient - 0.9407277985299434) <= 1e-12, "\(coefficient)")
    }
}
