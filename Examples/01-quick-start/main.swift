//: # Quick start: a learned metric for nearest neighbours
//:
//: A k-nearest-neighbours classifier labels a sample by the classes of the training samples closest
//: to it, so everything depends on what "close" means. This example measures how well 3-NN recognises
//: the cultivar of a wine with the plain Euclidean distance, then learns a Mahalanobis metric from the
//: training data and measures again on the same held-out wines.
import MetricLearn

let wine = try Dataset.wine
print("\(wine.sampleCount) wines, \(wine.featureCount) measurements, \(wine.classCount) cultivars")
print("wines per cultivar:", wine.classCounts)

//: The thirteen chemical measurements live on very different scales. Under the Euclidean distance a
//: difference of 100 in proline outweighs any possible difference in hue, whatever either says about
//: the cultivar:
for (j, name) in wine.featureNames.enumerated() where ["alcohol", "magnesium", "hue", "proline"].contains(name) {
    let column = wine.features.column(j)
    print(name, "ranges from", column.min() ?? .nan, "to", column.max() ?? .nan)
}

//: ## A held-out test set
//:
//: A stratified split keeps the cultivar proportions in both parts; the seed makes it repeatable.
let (train, test) = try wine.stratifiedSplit(testFraction: 0.3, seed: 0)
print("training wines:", train.sampleCount, " test wines:", test.sampleCount)

/// An accuracy as a percentage with one decimal.
func percent(_ accuracy: Double) -> String { "\((accuracy * 1000).rounded() / 10) %" }

//: ## 3-NN with the Euclidean distance
let euclidean = try KNearestNeighbors(neighborCount: 3).fit(train)
let before = try euclidean.accuracy(on: test.features, labels: test.labels)
print("test accuracy, Euclidean distance:", percent(before))

//: ## Learning a metric
//:
//: `Whitening` is the simplest metric learner: it measures distances in units of the data's own
//: spread, M = Σ⁻¹ for the covariance Σ of the training data, so every direction counts equally and
//: correlated measurements are not counted twice (`mode: .total` whitens the covariance of all samples and needs no
//: labels; the default, `.withinClass` with its shrinkage chosen on the labels, uses them). Like every learner, it is a configuration whose
//: `fit` returns a `MahalanobisMetric`; the metric maps samples with `transform` (x ↦ Lx, M = LᵀL).
let metric = try Whitening(mode: .total, shrinkage: .none).fit(train)
print("learned L:", metric.outputDimension, "×", metric.inputDimension)

//: The classifier takes the metric and uses it for every distance it computes.
let learned = try KNearestNeighbors(neighborCount: 3).fit(train, metric: metric)
let after = try learned.accuracy(on: test.features, labels: test.labels)
print("test accuracy, whitened distance:", percent(after))

/// How many test wines a classifier gets wrong.
func errorCount(_ classifier: NeighborsClassifier) throws -> Int {
    zip(try classifier.predict(test.features), test.labels).filter { $0 != $1 }.count
}
print("misclassified test wines:", try errorCount(euclidean), "→", try errorCount(learned))

//: Whitening never looked at the labels. The next examples learn metrics *from* the labels — NCA,
//: LMNN, ITML and per-feature weights — and show when that pays off.
