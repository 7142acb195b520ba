//: # Seeing a learned metric: NCA in two dimensions
//:
//: Neighbourhood Components Analysis (NCA) learns a linear map L so that, after mapping, a sample's
//: nearest neighbours tend to share its class. With two output components the mapped data can be
//: drawn, which makes a learned metric visible. This example draws Fisher's iris flowers twice: along
//: the two directions of largest variance, and along the two directions NCA learns from the labels.
import MetricLearn

let iris = try Dataset.iris
print(iris.sampleCount, "flowers,", iris.featureCount, "measurements:", iris.featureNames.joined(separator: ", "))
let (train, test) = try iris.stratifiedSplit(testFraction: 0.3, seed: 0)

//: NCA compares features through distances, so they should share a scale first. The scaler learns the
//: means and standard deviations of the training flowers only, and applies them to both sets.
let scaling = try StandardScaler().fit(train.features)
let trainX = try scaling.transform(train.features)
let testX = try scaling.transform(test.features)

//: ## Before: the two directions of largest variance
//:
//: Whitening restricted to two components keeps the two principal axes, each scaled to unit variance:
//: the best 2-D summary of the data's spread, chosen without looking at the labels.
let pca = try Whitening(mode: .total, shrinkage: .none, componentCount: 2).fit(trainX, labels: train.labels)
try ScatterPlot(try pca.transform(trainX), labels: train.labels, classNames: iris.classNames,
                title: "Iris: first two principal components", xLabel: "PC 1", yLabel: "PC 2")
    .write(toFile: "iris-pca.svg")

//: *Setosa* stands apart, but *versicolor* and *virginica* overlap.
//:
//: ## After: the two directions NCA learns
//:
//: NCA maximises the expected number of training flowers that a randomised nearest-neighbour rule
//: classifies correctly (leaving each flower out). Here it starts from the principal axes and improves
//: them with L-BFGS; `report.objectiveHistory` records that expected number at every iteration.
let nca = try NCA(componentCount: 2, initialization: .pca, seed: 0).fit(trainX, labels: train.labels)
let history = nca.report.objectiveHistory
print("L-BFGS iterations:", nca.report.iterations, " converged:", nca.report.didConverge)
print("expected correct training flowers:", (history[0] * 10).rounded() / 10, "→",
      (history[history.count - 1] * 10).rounded() / 10, "of", train.sampleCount)
try ScatterPlot(try nca.transform(trainX), labels: train.labels, classNames: iris.classNames,
                title: "Iris: two NCA components", xLabel: "NCA 1", yLabel: "NCA 2")
    .write(toFile: "iris-nca.svg")

//: The two species that overlapped pull apart. Mind the axis scales: NCA learns directions *and*
//: lengths. The standard deviation of each component shows how much it stretched the first one, the
//: direction that best separates the species (both principal axes have standard deviation 1):
let spread = try nca.transform(trainX).covariance().diagonal.map { ($0.squareRoot() * 10).rounded() / 10 }
print("standard deviation of NCA 1 and NCA 2:", spread)
//:
//: ## Does the picture carry over to new flowers?
//:
//: The test flowers were not used for fitting. A 3-NN classifier in each 2-D space tells how well each
//: picture separates them.
func testAccuracy(_ metric: MahalanobisMetric) throws -> Double {
    let classifier = try KNearestNeighbors(neighborCount: 3).fit(trainX, labels: train.labels, metric: metric)
    return (try classifier.accuracy(on: testX, labels: test.labels) * 1000).rounded() / 10
}
print("3-NN test accuracy in 2-D: principal axes", try testAccuracy(pca), "%, NCA", try testAccuracy(nca), "%")
