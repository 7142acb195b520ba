//: # Which features matter? Learning one weight per feature
//:
//: `FeatureReweighting` learns a diagonal metric: one weight per feature, so the distance becomes
//: √(Σ w²·(a − b)²). Unlike a full matrix, the result reads as a ranking of the features, and a
//: weight near zero says "this measurement does not help tell the classes apart".
//:
//: To check that it finds what matters, this example hides the thirteen real wine measurements among
//: seven columns of pure noise and asks which columns the learned metric keeps.
import MetricLearn

let wine = try Dataset.wine
var random = SeededGenerator(seed: 7)
let noiseCount = 7
let rows = wine.features.rows.map { row in row + (0..<noiseCount).map { _ in random.nextGaussian() } }
let noisy = try Dataset(features: Matrix(rows: rows), labels: wine.labels, classNames: wine.classNames,
                        featureNames: wine.featureNames + (1...noiseCount).map { "noise \($0)" })
print(noisy.featureCount, "columns:", wine.featureCount, "measurements and", noiseCount, "noise columns")

//: Weights only compare features fairly when the features share a scale, so standardise first.
let x = try StandardScaler().fit(noisy.features).transform(noisy.features)

//: The default method is regularised diagonal NCA (as MATLAB's `fscnca`): it maximises NCA's
//: leave-one-out accuracy with a penalty on the weights, which pushes useless weights to zero.
let metric = try FeatureReweighting().fit(x, labels: noisy.labels).withFeatureNames(noisy.featureNames)
print("L-BFGS iterations:", metric.report.iterations, " converged:", metric.report.didConverge)

//: `featureWeights` lists the weights by feature name, largest first.
let weights = metric.featureWeights ?? []
for weight in weights.prefix(5) {
    print(weight.feature, (weight.weight * 1000).rounded() / 1000)
}
let kept = weights.filter { $0.weight > 0.1 }.map(\.feature)
print("weights above 0.1:", kept.count, "— noise among them:", kept.filter { $0.hasPrefix("noise") }.count)
let largestNoise = weights.filter { $0.feature.hasPrefix("noise") }.map(\.weight).max() ?? 0
print("largest noise weight:", (largestNoise * 1000).rounded() / 1000)
try BarChart(featureWeights: weights, title: "Learned feature weights (wine + 7 noise columns)")
    .write(toFile: "wine-feature-weights.svg")

//: Every weight that matters belongs to a real measurement, and every noise column is driven to
//: (almost) zero. Some real measurements are driven there too: the penalty keeps only what helps
//: *given the others*, so of two correlated measurements (total phenols and flavanoids, say) one can
//: make the other redundant. The metric has done feature selection along the way.
//:
//: ## ReliefF, a faster heuristic
//:
//: `.reliefF` scores each feature by how much it differs between a sample's nearest misses (other
//: classes) and nearest hits (same class). It needs no optimisation.
let relief = try FeatureReweighting(method: .reliefF(neighborCount: 10)).fit(x, labels: noisy.labels)
    .withFeatureNames(noisy.featureNames)
let reliefRanking = (relief.featureWeights ?? []).map(\.feature)
print("ReliefF top five:", reliefRanking.prefix(5).joined(separator: ", "))
let firstNoise = reliefRanking.firstIndex { $0.hasPrefix("noise") } ?? reliefRanking.count
print("real measurements ranked above every noise column:", firstNoise, "of", wine.featureCount)

//: ReliefF ranks all thirteen measurements above the noise, but it does not zero out the redundant
//: ones: it scores features one at a time. Diagonal NCA is slower and sparser; ReliefF is a quick first
//: look.
