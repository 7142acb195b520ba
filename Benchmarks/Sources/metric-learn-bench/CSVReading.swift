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
    /// FNV-1a of the numbers' bits and the labels, row by row (a change to the reader can show it reads the same).
    let checksum: String

    static func measure(path: String) throws -> CSVReading {
        let start = ContinuousClock.now
        let table = try TrainingTable(csvFile: path)
        let elapsed = ContinuousClock.now - start
        guard case let .numeric(dataset) = table.contents else { throw BenchmarkError.badOption("\(path) is not numeric") }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in dataset.features.elements { hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01B3 }
        for label in dataset.labels { hash = (hash ^ UInt64(bitPattern: Int64(label))) &* 0x0000_0100_0000_01B3 }
        return CSVReading(rows: dataset.sampleCount, columns: dataset.featureCount, classes: dataset.classCount,
                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
                          checksum: String(hash, radix: 16))
    }
}
