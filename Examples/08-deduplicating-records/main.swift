//: # Deduplicating records: a metric from labelled pairs
//:
//: A catalogue holds several records of the same thing, entered by different people with different
//: instruments, and nobody knows which records are duplicates. What a reviewer can give is a few hundred
//: judged pairs: "these two records describe the same entity", "these two do not". This notebook learns a
//: metric from such pairs, chooses a distance threshold on separate validation pairs, and measures the
//: resulting duplicate detector on pairs of records it has never seen, against the plain Euclidean distance.
import MetricLearn

//: ## The records
//:
//: The 178 wines of the bundled wine table are the entities: each was assayed two or three times, by
//: laboratories whose instruments differ column by column. Some measurements repeat well (alcohol,
//: phenols, hue), others are noisy (ash, magnesium, non-flavanoid phenols): each record adds to the wine's
//: true values a noise of `noise[j]` times the column's spread across wines.
let wine = try Dataset.wine
let names = wine.featureNames
let noise = [0.05, 0.6, 0.9, 0.8, 1.0, 0.1, 0.1, 0.9, 0.7, 0.2, 0.1, 0.1, 0.05]
let spread = try StandardScaler().fit(wine.features).scales
var random = SeededGenerator(seed: 8)

var recordRows: [[Double]] = [], recordEntities: [Int] = []
for entity in 0..<wine.sampleCount {
    let truth = wine.features.row(entity)
    for _ in 0..<(2 + random.nextIndex(below: 2)) {
        recordRows.append(truth.indices.map { j in truth[j] + noise[j] * spread[j] * random.nextGaussian() })
        recordEntities.append(entity)
    }
}
let records = Matrix(rows: recordRows), entityOfRecord = recordEntities
print(records.rowCount, "records of", wine.sampleCount, "wines,", names.count, "columns")
for j in [0, 4, 6] { print("  \(names[j]): noise \(noise[j]) × spread") }

//: ## Splitting by entity
//:
//: Pairs are split by wine, not by record: the 60 % of wines that the reviewer judged train the metric,
//: 20 % calibrate the threshold and 20 % are held out for the test. A wine's records never appear in two
//: parts, so the test measures how the detector does on entities it has never seen.
var entities = Array(0..<wine.sampleCount)
random.shuffle(&entities)
var parts = [Int](repeating: 0, count: wine.sampleCount)
for (position, entity) in entities.enumerated() {
    parts[entity] = position < 107 ? 0 : position < 142 ? 1 : 2             // train, validation, test
}
let partOfEntity = parts
func recordsOf(part: Int) -> [Int] { (0..<records.rowCount).filter { partOfEntity[entityOfRecord[$0]] == part } }
let (trainRecords, validationRecords, testRecords) = (recordsOf(part: 0), recordsOf(part: 1), recordsOf(part: 2))

/// Every pair of `rows`: similar when both records are of one wine.
func allPairs(_ rows: [Int]) -> (pairs: [PairConstraints.Pair], similar: [Bool]) {
    var pairs: [PairConstraints.Pair] = [], similar: [Bool] = []
    for (i, a) in rows.enumerated() {
        for b in rows[(i + 1)...] {
            pairs.append(PairConstraints.Pair(a, b))
            similar.append(entityOfRecord[a] == entityOfRecord[b])
        }
    }
    return (pairs, similar)
}

//: The reviewer judged every duplicate pair among the training records and, for each record, three pairs
//: with records of other wines; the learners number the training records from 0. Validation and test use
//: *every* pair of their records, as deduplicating a table would: duplicates are then about 1 pair in 50.
let trainEntities = trainRecords.map { entityOfRecord[$0] }
var similar: [PairConstraints.Pair] = [], dissimilar: [PairConstraints.Pair] = []
for a in trainRecords.indices {
    for b in (a + 1)..<trainRecords.count where trainEntities[a] == trainEntities[b] {
        similar.append(PairConstraints.Pair(a, b))
    }
    var count = 0
    while count < 3 {
        let b = random.nextIndex(below: trainRecords.count)
        if trainEntities[a] != trainEntities[b] { dissimilar.append(PairConstraints.Pair(a, b)); count += 1 }
    }
}
let constraints = PairConstraints(similarPairs: similar, dissimilarPairs: dissimilar)
let validation = allPairs(validationRecords), test = allPairs(testRecords)
print("training pairs:", constraints.similar.count, "similar,", constraints.dissimilar.count, "dissimilar")
print("validation pairs:", validation.pairs.count, "(\(validation.similar.count { $0 }) duplicates)")
print("test pairs:", test.pairs.count, "(\(test.similar.count { $0 }) duplicates)")

//: ## Learning from the pairs
//:
//: The features are standardised with the training records' means and spreads, and three pair learners
//: learn from the judged pairs: ITML, MMC in its diagonal form (one weight per column, which is what
//: column-by-column instrument noise calls for) and GMML. The baseline is the Euclidean distance on the
//: same standardised features.
let scaling = try StandardScaler().fit(records.rows(at: trainRecords))
let x = try scaling.transform(records)
let trainX = x.rows(at: trainRecords)
let metrics: [(name: String, metric: MahalanobisMetric?)] = [
    ("Euclidean", nil),
    ("ITML", try ITML().fit(trainX, supervision: .pairs(constraints), progress: nil)),
    ("MMC diag", try MMC(shape: .diagonal).fit(trainX, supervision: .pairs(constraints), progress: nil)),
    ("GMML", try GMML().fit(trainX, supervision: .pairs(constraints), progress: nil)),
]

/// The distance of each pair of records under a learned metric, or Euclidean without one.
func distances(_ metric: MahalanobisMetric?, _ pairs: [PairConstraints.Pair]) throws -> [Double] {
    guard let metric else {
        return pairs.map { pair in
            zip(x.row(pair.first), x.row(pair.second)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
    }
    return try metric.pairDistances(x, pairs: pairs)
}

//: ## Calibrating and testing
//:
//: Each metric gets its threshold from the validation pairs — the distance of best F1 score, which weighs
//: duplicates found against false alarms — and is then scored on the test pairs. The area under the ROC
//: curve and the equal error rate say how well the distances rank duplicates first, whatever the
//: threshold; precision and recall at the calibrated threshold are what a user of the detector would see.
/// The cells of a table row, each but the last padded to 11 characters; numbers rounded to three decimals.
func row(_ cells: [String]) -> String {
    cells.dropLast().map { $0 + String(repeating: " ", count: max(1, 11 - $0.count)) }.joined() + (cells.last ?? "")
}
func rounded(_ value: Double) -> String { String((value * 1000).rounded() / 1000) }

print(row(["metric", "ROC-AUC", "EER", "threshold", "precision", "recall", "F1"]))
var curves: [(name: String, curve: ROCCurve)] = []
for (name, metric) in metrics {
    let threshold = try PairThreshold(calibrating: .fBeta(1), distances: try distances(metric, validation.pairs),
                                      similar: validation.similar)
    let report = try PairVerificationReport(distances: try distances(metric, test.pairs), similar: test.similar,
                                            threshold: threshold.distance)
    guard let confusion = report.confusion else { fatalError("a report with a threshold has its confusion") }
    curves.append((name, report.rocCurve))
    print(row([name] + [report.rocAuc, report.equalErrorRate, threshold.distance, confusion.precision,
                        confusion.truePositiveRate, confusion.fScore()].map(rounded)))
}
try ROCCurve.chart(curves, title: "Test pairs of unseen wines").write(toFile: "roc.svg")

//: At the threshold chosen on the validation wines, the Euclidean distance finds half of the test
//: duplicates, and half of what it flags are false alarms. The learned metrics find about nine in ten
//: with few false alarms: from the judged pairs they learned which columns repeat well between
//: laboratories, where the Euclidean distance lets the noisy assays blur every comparison.
//:
//: ## What the metric learned
//:
//: Diagonal MMC's metric is one weight per column, so it can be read directly:
if let weights = metrics[2].metric?.mahalanobisMatrix {
    for j in names.indices.sorted(by: { weights[$0, $0] > weights[$1, $1] }) {
        print("  \(names[j]): weight \(rounded(weights[j, j])) (noise \(noise[j]) × spread)")
    }
}

//: It weighs the columns that the laboratories measure precisely and gives the six noisy ones no weight
//: at all: whatever two records disagree on there says nothing about whether they are the same wine.
//: Nobody told it which columns were noisy; a few hundred judged pairs were enough to find out.
