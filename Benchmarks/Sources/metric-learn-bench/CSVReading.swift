import Foundation
import MetricLearn

/// `metric-learn-bench --read-csv FILE`: one read of a labelled CSV file the way `metric-learn fit` reads its
/// `--input` (a `TrainingTable` of numbers and class labels), for `Benchmarks/peers/csv_read.py`, which runs it
/// under `/usr/bin/time -v` beside pandas' `read_csv`.
struct CSVReading: Encodable {
    let rows: Int
    let columns: Int
    let classes: Int
    let seconds: Double

    static func measure(path: String) throws -> CSVReading {
        let start = ContinuousClock.now
        let table = try TrainingTable(csvFile: path)
        let elapsed = ContinuousClock.now - start
        guard case let .numeric(dataset) = table.contents else { throw BenchmarkError.badOption("\(path) is not numeric") }
        return CSVReading(rows: dataset.sampleCount, columns: dataset.featureCount, classes: dataset.classCount,
                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}
