//: # Learning from pairs: ITML with weak supervision
//:
//: Class labels are not always available. Often what is known is weaker: "these two records describe
//: the same thing", "these two do not". Information-theoretic metric learning (ITML) learns from exactly
//: that — a set of similar and dissimilar pairs — and stays as close as it can to a prior metric (here
//: the Euclidean one) while pulling similar pairs together and pushing dissimilar pairs apart.
import MetricLearn

let wine = try Dataset.wine
let (train, test) = try wine.stratifiedSplit(testFraction: 0.3, seed: 0)
let trainX = train.features, testX = test.features

//: The features are left on their raw scales on purpose. There, proline (in the hundreds) drowns every
//: other measurement in the Euclidean distance; a metric learned from pairs should find better scales
//: by itself. The yardstick is the same in every case: 3-NN accuracy on the test wines. (The classifier
//: that scores a metric votes with the training labels; the metric itself sees only what it is given.)
func testAccuracy(_ metric: MahalanobisMetric?) throws -> Double {
    let classifier = try KNearestNeighbors(neighborCount: 3).fit(trainX, labels: train.labels, metric: metric)
    return (try classifier.accuracy(on: testX, labels: test.labels) * 1000).rounded() / 10
}
print("Euclidean distance:", try testAccuracy(nil), "%")

//: ## Weak supervision: a few judged pairs
//:
//: Suppose an expert looked at random pairs of training wines and said only whether the two come from
//: the same cultivar; nobody labelled a single wine. The judgements are simulated here from the labels.
func judgedPairs(_ count: Int, seed: UInt64) -> PairConstraints {
    var random = SeededGenerator(seed: seed)
    var similar: [(Int, Int)] = [], dissimilar: [(Int, Int)] = []
    while similar.count + dissimilar.count < count {
        let a = random.nextIndex(below: train.sampleCount), b = random.nextIndex(below: train.sampleCount)
        guard a != b else { continue }
        if train.labels[a] == train.labels[b] { similar.append((a, b)) } else { dissimilar.append((a, b)) }
    }
    return PairConstraints(similar: similar, dissimilar: dissimilar)
}

let pairs = judgedPairs(40, seed: 1)
print("judged pairs:", pairs.similar.count, "similar,", pairs.dissimilar.count, "dissimilar")
let fromPairs = try ITML().fit(trainX, constraints: pairs)
print("sweeps:", fromPairs.report.iterations, " converged:", fromPairs.report.didConverge)
print("ITML from 40 judged pairs:", try testAccuracy(fromPairs), "%")

//: ## Full supervision: pairs sampled from labels
//:
//: With class labels, `fit(_:labels:)` samples the pairs itself: by default 20·c² similar and as many
//: dissimilar pairs for c classes (180 of each here), drawn with its `seed`.
let fromLabels = try ITML(seed: 0).fit(trainX, labels: train.labels)
print("ITML from labels:", try testAccuracy(fromLabels), "%")

//: Forty yes/no answers already recover most of the gain that full labels bring.
//:
//: ## How many pairs are enough?
//:
//: Each count is averaged over five random sets of judged pairs, since a handful of pairs can be lucky
//: or unlucky.
for count in [10, 20, 40, 80, 160] {
    var total = 0.0
    for seed in UInt64(1)...5 { total += try testAccuracy(try ITML().fit(trainX, constraints: judgedPairs(count, seed: seed))) }
    print(count, "pairs:", (total / 5 * 10).rounded() / 10, "%")
}

//: Accuracy climbs quickly with the first pairs and then levels off near what full labels give: when
//: labelling every sample is too expensive, judging a few dozen pairs is a cheap way to learn a metric.
